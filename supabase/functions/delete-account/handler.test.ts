import assert from 'node:assert/strict';
import { createClient } from '@supabase/supabase-js';
import { deleteAccount } from './handler.ts';
import {
  admin,
  countRows,
  env,
  errorOf,
  FORGED_TOKEN,
  giveHistory,
  newAthlete,
  request,
  testDeps,
  viaStack,
} from '../_test/support.ts';

const deps = testDeps();

Deno.test(
  'delete-account removes the user and every row of theirs, completed sessions included',
  async () => {
    const athlete = await newAthlete();
    await giveHistory(athlete.id, [
      { sets: [5, 5, 4, 4, 3], daysAgo: 4 },
      { sets: [5, 4, null, null, null], status: 'failed', daysAgo: 2 },
    ]);
    await admin
      .from('generations')
      .insert({ user_id: athlete.id, model: 'm', duration_ms: 5, status: 'error' });
    const before = await countRows(athlete.id);
    assert.equal(before.sessions, 2);

    const response = await deleteAccount(
      request('delete-account', { token: athlete.token, body: { confirm: 'DELETE' } }),
      deps,
    );
    assert.equal(response.status, 204);
    assert.deepEqual(await countRows(athlete.id), {
      sessions: 0,
      generations: 0,
      generation_error_logs: 0,
      events: 0,
    });
    const { data } = await admin.auth.admin.getUserById(athlete.id);
    assert.equal(data.user, null);

    // The old tokens stop working.
    const again = await deleteAccount(
      request('delete-account', { token: athlete.token, body: { confirm: 'DELETE' } }),
      deps,
    );
    assert.equal(again.status, 401);
    const client = createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
      auth: { persistSession: false },
    });
    const refreshed = await client.auth.refreshSession({ refresh_token: athlete.refreshToken });
    assert.notEqual(refreshed.error, null);
  },
);

Deno.test(
  'delete-account needs the typed confirmation and a valid caller; nothing is deleted otherwise',
  async () => {
    const athlete = await newAthlete();
    const cases: [string, Request, number, string][] = [
      [
        'wrong method',
        request('delete-account', { method: 'GET', token: athlete.token }),
        405,
        'method_not_allowed',
      ],
      ['no token', request('delete-account', { body: { confirm: 'DELETE' } }), 401, 'unauthorized'],
      [
        'forged token',
        request('delete-account', { token: FORGED_TOKEN, body: { confirm: 'DELETE' } }),
        401,
        'unauthorized',
      ],
      [
        'no body',
        request('delete-account', { token: athlete.token }),
        400,
        'confirmation_required',
      ],
      [
        'lower case',
        request('delete-account', { token: athlete.token, body: { confirm: 'delete' } }),
        400,
        'confirmation_required',
      ],
      [
        'wrong type',
        request('delete-account', { token: athlete.token, body: { confirm: true } }),
        400,
        'confirmation_required',
      ],
      [
        'malformed JSON',
        request('delete-account', { token: athlete.token, rawBody: '{confirm: DELETE}' }),
        400,
        'invalid_json',
      ],
      [
        'oversized',
        request('delete-account', {
          token: athlete.token,
          body: { confirm: 'DELETE', pad: 'x'.repeat(2000) },
        }),
        413,
        'payload_too_large',
      ],
    ];
    for (const [name, req, status, code] of cases) {
      const error = await errorOf(await deleteAccount(req, deps));
      assert.deepEqual([error.status, error.code], [status, code], name);
    }
    const { data } = await admin.auth.admin.getUserById(athlete.id);
    assert.equal(data.user?.id, athlete.id);
  },
);

Deno.test('delete-account through the local stack', async () => {
  const athlete = await newAthlete();
  const response = await viaStack('delete-account', {
    method: 'POST',
    headers: { Authorization: `Bearer ${athlete.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ confirm: 'DELETE' }),
  });
  assert.equal(response.status, 204);
  assert.equal((await countRows(athlete.id)).sessions, 0);
});
