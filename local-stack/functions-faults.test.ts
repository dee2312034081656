// Fault test for the Edge Functions on the stack (real Deno, the rule-based coach): a failure
// on our side after generate-session reserved an attempt gives the athlete's slot back, and
// the oldest dates the database holds pass through the coach and the export.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './database.ts';
import { LOCAL_ANON_KEY } from './keys.ts';
import { createNodeClient } from './node-client.ts';
import { startStack, type Stack } from './server.ts';

const dataDir = tempDataDir('stack-functions-faults-test');
let stack: Stack;
let db: pg.Client;

beforeAll(async () => {
  stack = await startStack({ port: 0, dataDir, env: { AI_API_KEY: '' }, log: () => {} });
  db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
}, 180_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function athleteWithHistory(): Promise<{ id: string; token: string }> {
  const { data, error } = await createNodeClient(stack.url, LOCAL_ANON_KEY).auth.signUp({
    email: `faults-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
    password: 'password123',
  });
  expect(error).toBeNull();
  const id = data.user!.id;
  await db.query(
    `insert into public.sessions (user_id, status, session_date, set_1, set_2, set_3, rpe)
     values ($1, 'completed', '2000-01-01 00:00:00+00', 4, 4, 3, 8),
            ($1, 'completed', now() - interval '2 days', 8, 8, 7, 7)`,
    [id],
  );
  return { id, token: data.session!.access_token };
}

function ask(token: string): Promise<Response> {
  return fetch(`${stack.url}/functions/v1/generate-session`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
}

async function attempts(userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from public.generations where user_id = $1',
    [userId],
  );
  return rows[0]!.n;
}

describe('generate-session after a reservation', () => {
  it('gives the slot back when recording the plan fails on our side', async () => {
    const athlete = await athleteWithHistory();
    // A storage fault while finish_generation writes the planned session, for this athlete only.
    await db.query(`
      create function public.test_storage_fault() returns trigger language plpgsql as $$
      begin
        raise exception 'simulated storage fault' using errcode = '58030';
      end $$;
      create trigger test_storage_fault before insert on public.sessions
        for each row when (new.user_id = '${athlete.id}' and new.is_ai_generated)
        execute function public.test_storage_fault();`);
    try {
      const failed = await ask(athlete.token);
      expect({ status: failed.status, body: await failed.json() }).toMatchObject({
        status: 500,
        body: { error: { code: 'internal_error' } },
      });
      expect(await attempts(athlete.id)).toBe(0);
    } finally {
      await db.query(`drop trigger test_storage_fault on public.sessions;
                      drop function public.test_storage_fault();`);
    }
    const planned = await ask(athlete.token);
    expect(planned.status).toBe(201);
    expect((await planned.json()).quota).toMatchObject({ used: 1, remaining: 4 });
  });

  it('plans and exports for an athlete whose history starts at the earliest date allowed', async () => {
    const athlete = await athleteWithHistory();
    const planned = await ask(athlete.token);
    expect(planned.status).toBe(201);
    const exported = await fetch(`${stack.url}/functions/v1/export-sessions?format=csv`, {
      headers: { Authorization: `Bearer ${athlete.token}` },
    });
    expect(exported.status).toBe(200);
    expect((await exported.text()).trimEnd().split('\r\n').pop()).toMatch(
      /^2000-01-01T00:00:00Z,completed,4,4,3,,,11,8,/,
    );
  });
});
