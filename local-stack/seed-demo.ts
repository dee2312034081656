// `npm run seed:demo`: two demo accounts for the local stack, made through the auth admin API,
// and about eight weeks of realistic training history for the athlete, so a newcomer sees a
// living app at once. Idempotent: existing accounts are kept, history is only added once.
// Against a running stack (LOCAL_STACK_* settings) or, if none answers, a stack of its own.
import { RULE_BASED_COACH_MODEL } from '../supabase/functions/_shared/coach.ts';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from './keys.ts';
import { startStack, stackSettingsFromEnv } from './server.ts';

export const DEMO_ACCOUNTS = {
  athlete: { email: 'athlete@example.com', password: 'athlete-demo', name: 'Demo Athlete' },
  admin: { email: 'admin@example.com', password: 'admin-demo', name: 'Demo Admin' },
} as const;

export interface SeedTarget {
  url: string;
  serviceRoleKey: string;
  /** Superuser URL: the idempotency check, and the fallback path while /rest/v1 is not ready. */
  dbUrl: string;
  log?: (line: string) => void;
}

const COACH_MODEL = RULE_BASED_COACH_MODEL;

interface DemoSession {
  id: string;
  user_id: string;
  status: 'planned' | 'completed' | 'failed';
  session_date: string;
  set_1: number | null;
  set_2: number | null;
  set_3: number | null;
  set_4: number | null;
  set_5: number | null;
  rpe: number | null;
  is_ai_generated: boolean;
  is_modified: boolean;
  ai_comment: string | null;
  created_at: string;
}

interface DemoGeneration {
  user_id: string;
  session_id: string;
  model: string;
  duration_ms: number;
  status: 'success';
  created_at: string;
}

/** A small deterministic PRNG, so every seeded database tells the same story. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clampReps = (value: number) => Math.max(1, Math.min(60, Math.round(value)));

/** 8 weeks × 3 sessions (Mon/Wed/Fri-like spacing), slowly progressing, plus one planned ahead. */
export function demoHistory(
  userId: string,
  now = new Date(),
): {
  sessions: DemoSession[];
  generations: DemoGeneration[];
} {
  const random = mulberry32(20250110);
  const sessions: DemoSession[] = [];
  const generations: DemoGeneration[] = [];
  const day = 24 * 3600 * 1000;
  const start = new Date(now.getTime() - 57 * day);
  start.setUTCHours(17, 30, 0, 0);
  const failedAt = new Set([7, 17]);
  const aiAt = new Set([15, 18, 21, 23]);
  let best = 6;
  for (let index = 0; index < 24; index += 1) {
    const week = Math.floor(index / 3);
    const date = new Date(start.getTime() + (week * 7 + [0, 2, 4][index % 3]!) * day);
    const planned = 6 + week * 0.55 + (random() - 0.5);
    const id = randomUUID();
    const ai = aiAt.has(index);
    const failed = failedAt.has(index);
    const sets = [planned, planned - 1, planned - 1, planned - 2, planned - 2.5].map(clampReps);
    const done = failed
      ? [sets[0]!, Math.max(1, sets[1]! - 2), Math.max(1, sets[2]! - 4), null, null]
      : sets;
    best = Math.max(best, done[0] ?? 0);
    const rpe = failed ? null : Math.min(9, Math.max(6, Math.round(6.5 + random() * 2.5)));
    sessions.push({
      id,
      user_id: userId,
      status: failed ? 'failed' : 'completed',
      session_date: date.toISOString(),
      set_1: done[0] ?? null,
      set_2: done[1] ?? null,
      set_3: done[2] ?? null,
      set_4: done[3] ?? null,
      set_5: done[4] ?? null,
      rpe,
      is_ai_generated: ai,
      is_modified: false,
      ai_comment: ai
        ? `Last time you managed ${sets[0]! - 1} on the first set at a moderate effort, so the ` +
          `plan adds about one rep to the first sets. Keep two reps in reserve on the last set.`
        : null,
      created_at: new Date(date.getTime() - (ai ? day : 0)).toISOString(),
    });
    if (ai) {
      generations.push({
        user_id: userId,
        session_id: id,
        model: COACH_MODEL,
        duration_ms: 40 + Math.round(random() * 80),
        status: 'success',
        created_at: new Date(date.getTime() - day).toISOString(),
      });
    }
  }
  const next = new Date(now.getTime() + day);
  next.setUTCHours(17, 30, 0, 0);
  const nextId = randomUUID();
  const first = best + 1;
  sessions.push({
    id: nextId,
    user_id: userId,
    status: 'planned',
    session_date: next.toISOString(),
    set_1: first,
    set_2: first - 1,
    set_3: first - 1,
    set_4: first - 2,
    set_5: first - 2,
    rpe: null,
    is_ai_generated: true,
    is_modified: false,
    ai_comment:
      `Your best first set lately is ${best} and the last sessions felt manageable, so the ` +
      `first set goes to ${first}. The other sets follow the same small step.`,
    created_at: now.toISOString(),
  });
  generations.push({
    user_id: userId,
    session_id: nextId,
    model: COACH_MODEL,
    duration_ms: 65,
    status: 'success',
    created_at: now.toISOString(),
  });
  return { sessions, generations };
}

async function adminFetch(
  target: SeedTarget,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${target.url}/auth/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      apikey: target.serviceRoleKey,
      Authorization: `Bearer ${target.serviceRoleKey}`,
      'Content-Type': 'application/json',
      'X-Supabase-Api-Version': '2024-01-01',
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The account's id: created (confirmed) if missing, its app_metadata brought up to date. */
async function ensureAccount(
  target: SeedTarget,
  account: { email: string; password: string; name: string },
  appMetadata: Record<string, unknown>,
): Promise<string> {
  const created = await adminFetch(target, '/admin/users', {
    method: 'POST',
    body: {
      email: account.email,
      password: account.password,
      email_confirm: true,
      app_metadata: appMetadata,
      user_metadata: { display_name: account.name },
    },
  });
  if (created.status === 200) return String(created.body.id);
  if (created.status !== 422) {
    throw new Error(`creating ${account.email} failed: ${JSON.stringify(created.body)}`);
  }
  const list = await adminFetch(target, '/admin/users?per_page=1000');
  const users = (list.body.users ?? []) as Array<{ id: string; email: string }>;
  const existing = users.find((user) => user.email === account.email);
  if (!existing) throw new Error(`${account.email} exists but could not be listed`);
  if (Object.keys(appMetadata).length > 0) {
    await adminFetch(target, `/admin/users/${existing.id}`, {
      method: 'PUT',
      body: { app_metadata: appMetadata },
    });
  }
  return existing.id;
}

/** Bulk insert through PostgREST with the service role; false when /rest/v1 is not ready yet. */
async function insertThroughRest(target: SeedTarget, table: string, rows: unknown[]) {
  const res = await fetch(`${target.url}/rest/v1/${table}`, {
    method: 'POST',
    headers: {
      apikey: target.serviceRoleKey,
      Authorization: `Bearer ${target.serviceRoleKey}`,
      'Content-Type': 'application/json',
      Prefer: 'return=minimal',
    },
    body: JSON.stringify(rows),
  });
  if (res.status === 503 || res.status === 404) return false;
  if (!res.ok) throw new Error(`inserting ${table} through /rest/v1: ${await res.text()}`);
  return true;
}

async function insertThroughSql(dbUrl: string, history: ReturnType<typeof demoHistory>) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into public.sessions (id, user_id, status, session_date, set_1, set_2, set_3, set_4,
          set_5, rpe, is_ai_generated, is_modified, ai_comment, created_at)
       select id, user_id, status, session_date, set_1, set_2, set_3, set_4, set_5, rpe,
          is_ai_generated, is_modified, ai_comment, created_at
         from jsonb_populate_recordset(null::public.sessions, $1::jsonb)
        order by session_date`,
      [JSON.stringify(history.sessions)],
    );
    await client.query(
      `insert into public.generations (user_id, session_id, model, duration_ms, status, created_at)
       select user_id, session_id, model, duration_ms, status, created_at
         from jsonb_populate_recordset(null::public.generations, $1::jsonb)`,
      [JSON.stringify(history.generations)],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export async function seedDemo(target: SeedTarget): Promise<void> {
  const log = target.log ?? ((line: string) => console.log(line));
  const athleteId = await ensureAccount(target, DEMO_ACCOUNTS.athlete, {});
  await ensureAccount(target, DEMO_ACCOUNTS.admin, { role: 'admin' });

  const client = new pg.Client({ connectionString: target.dbUrl });
  await client.connect();
  const { rows } = await client
    .query<{ count: number }>(
      'select count(*)::int as count from public.sessions where user_id = $1',
      [athleteId],
    )
    .finally(() => client.end());
  if ((rows[0]?.count ?? 0) > 0) {
    log(`[seed] ${DEMO_ACCOUNTS.athlete.email} already has history; left as is`);
    return;
  }
  const history = demoHistory(athleteId);
  // Sessions in date order, so lifecycle events (first_session_created) read naturally.
  const viaRest =
    (await insertThroughRest(target, 'sessions', history.sessions)) &&
    (await insertThroughRest(target, 'generations', history.generations));
  if (!viaRest) await insertThroughSql(target.dbUrl, history);
  log(
    `[seed] ${history.sessions.length} sessions for ${DEMO_ACCOUNTS.athlete.email} ` +
      `(${viaRest ? 'through /rest/v1' : 'over SQL'})`,
  );
}

export function printDemoLogins(): void {
  console.log(
    [
      'Demo logins:',
      `  athlete  ${DEMO_ACCOUNTS.athlete.email}  /  ${DEMO_ACCOUNTS.athlete.password}`,
      `  admin    ${DEMO_ACCOUNTS.admin.email}    /  ${DEMO_ACCOUNTS.admin.password}`,
    ].join('\n'),
  );
}

async function main(): Promise<void> {
  const settings = stackSettingsFromEnv();
  const url = process.env.LOCAL_STACK_URL ?? `http://${settings.host}:${settings.port}`;
  const running = await fetch(`${url}/auth/v1/health`, { headers: { apikey: LOCAL_ANON_KEY } })
    .then((res) => res.ok)
    .catch(() => false);
  if (running) {
    const dbUrl =
      process.env.LOCAL_STACK_DB_URL ??
      `postgresql://postgres:postgres@127.0.0.1:${settings.dbPort}/postgres`;
    await seedDemo({ url, serviceRoleKey: LOCAL_SERVICE_ROLE_KEY, dbUrl });
  } else {
    console.log('No stack answers at ' + url + '; starting one for the seeding…');
    const stack = await startStack(settings);
    try {
      await seedDemo({ url: stack.url, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl });
    } finally {
      await stack.stop();
    }
  }
  printDemoLogins();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(`Seeding failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
