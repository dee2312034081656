// `npm run bench:functions`: p50/p95 of each Edge Function on the local stack, called over
// HTTP as curl would (gateway, Deno, Supabase Auth check, PostgREST), generate-session with
// the rule-based coach so the figure is the function's own overhead, and export at 1,000
// and 10,000 sessions.
import { rmSync } from 'node:fs';
import { createNodeClient } from '../../local-stack/node-client.ts';
import pg from 'pg';
import { tempDataDir } from '../../local-stack/database.ts';
import { startStack } from '../../local-stack/server.ts';
import { percentile } from './db/report.ts';

const dataDir = tempDataDir('pullup-bench-functions');
// Every simulated athlete signs in from this one address, so auth rate limits are off.
const stack = await startStack({
  port: 0,
  dataDir,
  env: { AI_API_KEY: '' },
  log: () => {},
  authRateLimits: false,
});
const db = new pg.Client({ connectionString: stack.dbUrl });
await db.connect();
const admin = createNodeClient(stack.url, stack.serviceRoleKey);

interface Athlete {
  id: string;
  token: string;
}

let n = 0;
async function athlete(appMetadata: Record<string, unknown> = {}): Promise<Athlete> {
  const email = `bench-${n++}@example.test`;
  const password = 'bench-password-1';
  const created = await admin.auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    app_metadata: appMetadata,
  });
  if (created.error) throw created.error;
  const client = createNodeClient(stack.url, stack.anonKey);
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return { id: created.data.user.id, token: data.session.access_token };
}

async function call(
  fn: string,
  token: string,
  init: { method?: string; body?: unknown; query?: string } = {},
) {
  const started = performance.now();
  const response = await fetch(`${stack.url}/functions/v1/${fn}${init.query ?? ''}`, {
    method: init.method ?? 'POST',
    headers: {
      apikey: stack.anonKey,
      Authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status >= 500)
    console.error(fn, response.status, new TextDecoder().decode(body).slice(0, 300));
  return { ms, status: response.status, bytes: body.byteLength };
}

/** Finished sessions, one a day going back, written straight to the database. */
async function fillHistory(userId: string, count: number) {
  await db.query(
    `insert into public.sessions (user_id, status, session_date, set_1, set_2, set_3, set_4, set_5, rpe, is_ai_generated, ai_comment)
     select $1, case when i % 7 = 0 then 'failed'::session_status else 'completed' end,
            now() - make_interval(days => i), 8, 8, 7, 7, case when i % 7 = 0 then null else 6 end,
            case when i % 7 = 0 then null else 7 end, i % 3 = 0,
            case when i % 3 = 0 then 'Solid work, hold the plan, and add a rep next time.' end
     from generate_series(1, $2) as i`,
    [userId, count],
  );
}

const rows: { name: string; runs: number; p50: number; p95: number; note: string }[] = [];
function record(
  name: string,
  samples: { ms: number; status: number; bytes: number }[],
  expected: number,
  note = '',
) {
  const wrong = samples.filter((s) => s.status !== expected);
  if (wrong.length)
    throw new Error(
      `${name}: ${wrong.length} answers were not ${expected} (first: ${wrong[0]!.status})`,
    );
  const ms = samples.map((s) => s.ms);
  rows.push({ name, runs: samples.length, p50: percentile(ms, 50), p95: percentile(ms, 95), note });
}

try {
  // Warm up Deno's module graph and the connection pools.
  const warm = await athlete();
  for (let i = 0; i < 5; i++)
    await call('track-event', warm.token, {
      body: {
        event_type: 'rest_period_warning_shown',
        event_data: { hours_since_last: 3, last_session_id: crypto.randomUUID() },
      },
    });

  // generate-session: one ask per athlete (an ask creates the active session), half of them
  // first sessions from a baseline, half with ten sessions of history.
  const first: Awaited<ReturnType<typeof call>>[] = [];
  const next: Awaited<ReturnType<typeof call>>[] = [];
  for (let i = 0; i < 60; i++) {
    const fresh = await athlete();
    first.push(
      await call('generate-session', fresh.token, { body: { baseline_max_reps: 5 + (i % 20) } }),
    );
    const trained = await athlete();
    await fillHistory(trained.id, 10);
    next.push(await call('generate-session', trained.token, { body: {} }));
  }
  record('generate-session (first session)', first, 201, 'rule-based coach');
  record('generate-session (10 sessions of history)', next, 201, 'rule-based coach');

  const tracker = await athlete();
  const tracked = [];
  for (let i = 0; i < 200; i++) {
    tracked.push(
      await call('track-event', tracker.token, {
        body: {
          event_type: 'rest_period_warning_ignored',
          event_data: { hours_since_last: 20, last_session_id: crypto.randomUUID() },
        },
      }),
    );
  }
  record('track-event', tracked, 201);

  for (const size of [1_000, 10_000]) {
    const owner = await athlete();
    await fillHistory(owner.id, size);
    for (const format of ['json', 'csv'] as const) {
      const samples = [];
      for (let i = 0; i < (size > 1000 ? 10 : 30); i++) {
        samples.push(
          await call('export-sessions', owner.token, { method: 'GET', query: `?format=${format}` }),
        );
      }
      record(
        `export-sessions ${format}, ${size.toLocaleString('en')} sessions`,
        samples,
        200,
        `${Math.round(samples[0]!.bytes / 1024)} KB`,
      );
    }
  }

  const boss = await athlete({ role: 'admin' });
  const metrics = [];
  for (let i = 0; i < 30; i++)
    metrics.push(await call('admin-metrics', boss.token, { method: 'GET' }));
  record('admin-metrics', metrics, 200);

  const deletions = [];
  for (let i = 0; i < 20; i++) {
    const leaving = await athlete();
    await fillHistory(leaving.id, 100);
    deletions.push(await call('delete-account', leaving.token, { body: { confirm: 'DELETE' } }));
  }
  record('delete-account (100 sessions)', deletions, 204);

  console.log(
    '\nEdge Functions on the local stack, over HTTP (gateway + Deno + Auth + PostgREST); sequential calls\n',
  );
  console.log(`${'function'.padEnd(42)} | runs |  p50 ms |  p95 ms | note`);
  console.log(`${'-'.repeat(42)}-|------|---------|---------|-----`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(42)} | ${String(row.runs).padStart(4)} | ${row.p50.toFixed(1).padStart(7)} | ${row.p95.toFixed(1).padStart(7)} | ${row.note}`,
    );
  }
  const coach = rows.filter((r) => r.name.startsWith('generate-session'));
  console.log(
    `\ngenerate-session p95 target ≤ 100 ms: ${coach.every((r) => r.p95 <= 100) ? 'met' : 'MISSED'}`,
  );
} finally {
  await db.end();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
