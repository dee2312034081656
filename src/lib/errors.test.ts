import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeError } from '@/lib/errors';
import { FunctionError } from '@/lib/functions';

describe('describeError', () => {
  test.each([
    [
      { name: 'AuthApiError', code: 'invalid_credentials', status: 400 },
      'Wrong email or password.',
    ],
    [
      { name: 'AuthApiError', code: 'user_already_exists', status: 422 },
      'An account with this email already exists. Sign in instead.',
    ],
    [
      { name: 'AuthWeakPasswordError', code: 'weak_password', status: 422 },
      'Choose a stronger password: at least 6 characters.',
    ],
  ])('auth error %o', (error, sentence) => {
    expect(describeError(error)).toBe(sentence);
  });

  test('a lost connection, whatever the client', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/offline/);
    expect(describeError({ name: 'AuthRetryableFetchError', message: 'Failed to fetch' })).toMatch(
      /offline/,
    );
  });

  test('PostgREST rule violations name the rule in words', () => {
    expect(
      describeError({
        code: '23514',
        message: 'A session dated in the future can only be planned, not completed',
        hint: 'session_future_must_be_planned',
      }),
    ).toBe('A session on a future day can only be planned.');
    expect(
      describeError({
        code: '23514',
        message:
          'new row for relation "sessions" violates check constraint "sessions_completed_has_reps"',
        hint: null,
      }),
    ).toBe('A completed session needs at least one set with reps.');
    expect(
      describeError({
        code: '23505',
        message: 'duplicate key value violates unique constraint "idx_one_active_session"',
      }),
    ).toMatch(/already have a planned or in-progress session/);
  });

  test('function errors keep their own sentence', () => {
    const limited = new FunctionError(
      429,
      'rate_limited',
      'You have used all 5 coach requests of the last 24 hours.',
    );
    expect(describeError(limited)).toBe('You have used all 5 coach requests of the last 24 hours.');
  });

  test('anything else is a generic sentence, never the raw message', () => {
    expect(describeError(new Error('relation "x" does not exist at character 15'))).toBe(
      'Something went wrong. Please try again.',
    );
  });
});

describe('every rule the migrations can raise has a sentence', () => {
  const migrationsDir = join(process.cwd(), 'supabase/migrations');
  const sql = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => readFileSync(join(migrationsDir, file), 'utf8'))
    .join('\n');
  // Trigger hints, named constraints and unique indexes, and the names Postgres gives an
  // inline column check (<table>_<column>_check).
  const hints = [...sql.matchAll(/hint\s*=\s*'([a-z_]+)'/g)].map((m) => m[1]!);
  const constraints = [
    ...[...sql.matchAll(/constraint\s+([a-z_]+)/g)].map((m) => m[1]!),
    ...[...sql.matchAll(/create unique index\s+([a-z_]+)/g)].map((m) => m[1]!),
    ...[...sql.matchAll(/create table public\.([a-z_]+)\s*\(([\s\S]*?)\n\);/g)].flatMap(
      ([, table, body]) =>
        [...body!.matchAll(/^\s+([a-z_0-9]+)\s[^\n]*\bcheck\s*\(/gm)].map(
          (m) => `${table}_${m[1]}_check`,
        ),
    ),
  ];

  test('the migrations were read', () => {
    expect(hints).toContain('session_immutable');
    expect(constraints).toContain('sessions_rpe_check');
  });

  test.each([...new Set(hints)])('hint %s', (hint) => {
    const error = { code: 'P0001', message: 'raised by a trigger', hint };
    expect(describeError(error)).not.toBe('Something went wrong. Please try again.');
  });

  test.each([...new Set(constraints)])('constraint %s', (name) => {
    const error = {
      code: '23514',
      message: `new row for relation violates check constraint "${name}"`,
      hint: null,
    };
    expect(describeError(error)).not.toBe('Something went wrong. Please try again.');
  });
});
