// Fault test: the stack's PostgreSQL is killed (SIGKILL, by PID) under traffic. The API keeps
// running, says 503 everywhere while the database is down (never 401, which signs the app
// out), starts PostgreSQL again and serves every committed write afterwards.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from './database.ts';
import { LOCAL_ANON_KEY } from './keys.ts';
import { createNodeClient } from './node-client.ts';
import { pgDataDir, startStack, type Stack } from './server.ts';

const dataDir = tempDataDir('stack-db-crash-test');
let stack: Stack;
let databaseDied!: () => void;
const died = new Promise<void>((resolve) => (databaseDied = resolve));
let allowRestart!: () => void;
const restartAllowed = new Promise<void>((resolve) => (allowRestart = resolve));

beforeAll(async () => {
  stack = await startStack({
    port: 0,
    dataDir,
    log: () => {},
    beforeDatabaseRestart: () => {
      databaseDied();
      return restartAllowed;
    },
  });
}, 180_000);

afterAll(async () => {
  allowRestart();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function postmasterPid(): number {
  return Number(readFileSync(join(pgDataDir(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function health(): Promise<number> {
  const res = await fetch(`${stack.url}/auth/v1/health`, { headers: { apikey: LOCAL_ANON_KEY } });
  await res.body?.cancel();
  return res.status;
}

describe('PostgreSQL killed under traffic', () => {
  it('answers 503 during the outage, restarts PostgreSQL and keeps every committed write', async () => {
    const { data: signUp, error } = await createNodeClient(stack.url, LOCAL_ANON_KEY).auth.signUp({
      email: `crash-${Date.now()}@example.com`,
      password: 'password123',
    });
    expect(error).toBeNull();
    const token = signUp.session!.access_token;
    const athlete: SupabaseClient = createNodeClient(stack.url, LOCAL_ANON_KEY, {
      global: { headers: { Authorization: `Bearer ${token}` } },
    });
    const written = await athlete
      .from('sessions')
      .insert({ user_id: signUp.user!.id, status: 'completed', set_1: 10, set_2: 9 })
      .select('id')
      .single();
    expect(written.error).toBeNull();
    expect(await health()).toBe(200);

    // Traffic in flight when PostgreSQL dies: REST reads and auth lookups, 12 at a time.
    let flowing = true;
    const statuses = new Set<number>();
    const traffic = Array.from({ length: 12 }, async (_, i) => {
      while (flowing) {
        const answer =
          i % 2 === 0
            ? await athlete.from('sessions').select('id')
            : await athlete.auth.getUser(token);
        const status = 'status' in answer ? answer.status : (answer.error?.status ?? 200);
        statuses.add(status);
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(postmasterPid(), 'SIGKILL');
    await died;

    expect(await health()).toBe(503);
    const read = await athlete.from('sessions').select('id');
    expect({ status: read.status, code: read.error?.code }).toEqual({
      status: 503,
      code: 'PGRST000',
    });
    expect((await athlete.auth.getUser(token)).error?.status).toBe(503);
    const exported = await fetch(`${stack.url}/functions/v1/export-sessions`, {
      headers: { Authorization: `Bearer ${token}`, apikey: LOCAL_ANON_KEY },
    });
    expect({ status: exported.status, body: await exported.json() }).toMatchObject({
      status: 503,
      body: { error: { code: 'service_unavailable' } },
    });
    flowing = false;
    await Promise.all(traffic);
    // Every request during the kill answered, as 200 or 503: none crashed or said 401/500.
    expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.has(503)).toBe(true);

    const restarting = performance.now();
    allowRestart();
    for (let tries = 0; (await health()) !== 200; tries += 1) {
      if (tries > 600) throw new Error('PostgreSQL did not come back within a minute');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`PostgreSQL back after ${Math.round(performance.now() - restarting)} ms`);
    const after = await athlete.from('sessions').select('id');
    expect(after.error).toBeNull();
    expect(after.data).toEqual([{ id: written.data!.id }]);
    const again = await fetch(`${stack.url}/functions/v1/export-sessions`, {
      headers: { Authorization: `Bearer ${token}`, apikey: LOCAL_ANON_KEY },
    });
    expect(again.status).toBe(200);
    expect((await again.json()).sessions).toHaveLength(1);
  }, 120_000);
});
