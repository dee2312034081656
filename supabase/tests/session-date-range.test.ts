// session_date is bounded in the database (migration 20251201000001): finite, from 2000-01-01
// to before 2100-01-01 UTC, whoever writes it.
import { describe, expect, test } from 'vitest';
import { athlete, inRollback, type Tx } from './db.ts';

function insertDated(tx: Tx, userId: string, status: string, date: string) {
  return tx.attempt(
    `insert into public.sessions (user_id, status, session_date, set_1) values ($1, $2, $3::timestamptz, 5)`,
    [userId, status, date],
  );
}

describe('session_date range', () => {
  test.each([
    ['-infinity', false],
    ['infinity', false],
    ['0044-03-15 12:00:00+00 BC', false],
    ['0025-06-01 10:00:00+00', false],
    ['1999-12-31 23:59:59.999+00', false],
    ['2000-01-01 00:00:00+00', true],
    ['2000-01-01 00:30:00+01', false], // 1999-12-31 23:30 UTC
    ['2024-05-05 08:00:00+00', true],
  ])('a completed session dated %s is accepted: %s', async (date, accepted) => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.actAs(athlete(userId));
      const result = await insertDated(tx, userId, 'completed', date);
      expect(result.ok).toBe(accepted);
      if (!result.ok) {
        expect(result.error.code).toBe('23514');
        // 'infinity' meets the trigger's 30-days-ahead rule first.
        if (date !== 'infinity') {
          expect(result.error.constraint).toBe('sessions_session_date_range');
        }
      }
    });
  });

  test('holds without the triggers too (the bound is a constraint, not trigger logic)', async () => {
    await inRollback(async (tx) => {
      const userId = await tx.createUser();
      await tx.query(`set local session_replication_role = replica`);
      for (const date of [
        '-infinity',
        'infinity',
        '1970-01-01 00:00:00+00',
        '2100-01-01 00:00:00+00',
      ]) {
        const result = await insertDated(tx, userId, 'planned', date);
        expect(result.ok, date).toBe(false);
        if (!result.ok) expect(result.error.constraint, date).toBe('sessions_session_date_range');
      }
    });
  });
});
