// `npm run bench:stack [users] [rounds] [think ms]`: N concurrent simulated athletes against the local stack
// (sign in, read the dashboard, create, start and complete sessions), requests/s and p50/p95
// per request kind, and the stack's own overhead over the same dashboard query in bare SQL.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { tempDataDir } from '../../local-stack/database.ts';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../../local-stack/keys.ts';
import { percentile } from './db/report.ts';
import { startStackProcess } from './stack-process.ts';

const users = Number(process.argv[2] ?? process.env.BENCH_USERS ?? '50');
const rounds = Number(process.argv[3] ?? process.env.BENCH_ROUNDS ?? '20');
/** Pause of a simulated athlete between requests (0: closed loop, a pure throughput test). */
const thinkMs = Number(process.argv[4] ?? process.env.BENCH_THINK_MS ?? '300');
const think = () =>
  new Promise((done) => setTimeout(done, thinkMs === 0 ? 0 : thinkMs * (0.5 + Math.random())));
const dataDir = tempDataDir('bench-stack');
const { child, url, dbPort } = await startStackProcess(dataDir);
const stack = {
  url,
  anonKey: LOCAL_ANON_KEY,
  serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
  dbUrl: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
};
const timings = new Map<string, number[]>();

async function timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const list = timings.get(kind) ?? [];
  list.push(performance.now() - started);
  timings.set(kind, list);
  return result;
}

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const res = await fetch(`${stack.url}${path}`, {
    ...init,
    headers: {
      apikey: stack.anonKey,
      Authorization: `Bearer ${init.token ?? stack.anonKey}`,
      'Content-Type': 'application/json',
      ...(init.headers as Record<string, string> | undefined),
    },
  });
  const body = await res.text();
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${body}`);
  return body ? (JSON.parse(body) as unknown) : undefined;
}

try {
  // Accounts, made up front through the admin API (bcrypt dominates, not what is measured).
  const accounts = await Promise.all(
    Array.from({ length: users }, async (_, index) => {
      const email = `bench-${index}@example.com`;
      const user = (await call('/auth/v1/admin/users', {
        method: 'POST',
        token: stack.serviceRoleKey,
        body: JSON.stringify({ email, password: 'bench-password', email_confirm: true }),
      })) as { id: string };
      return { id: user.id, email };
    }),
  );

  // Sign-ins first: bcrypt is CPU-bound by design and would otherwise colour every other figure.
  const signInStarted = performance.now();
  const tokens = await Promise.all(
    accounts.map(async ({ email }) => {
      const session = (await timed('sign-in', () =>
        call('/auth/v1/token?grant_type=password', {
          method: 'POST',
          body: JSON.stringify({ email, password: 'bench-password' }),
        }),
      )) as { access_token: string };
      return session.access_token;
    }),
  );
  const signInSeconds = (performance.now() - signInStarted) / 1000;

  // Warm-up, untimed: every pooled connection is opened and has compiled the trigger
  // functions once (plpgsql compiles per connection), as in a long-running server.
  await Promise.all(
    accounts.map(async ({ id }, index) => {
      await athleteRounds(id, tokens[index]!, 1, false);
    }),
  );

  const started = performance.now();
  await Promise.all(
    accounts.map(async ({ id }, index) => {
      await athleteRounds(id, tokens[index]!, rounds, true);
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  async function athleteRounds(id: string, token: string, count: number, measure: boolean) {
    const timedIf = <T>(kind: string, run: () => Promise<T>) =>
      measure ? timed(kind, run) : run();
    {
      for (let round = 0; round < count; round += 1) {
        await think();
        await timedIf('dashboard read', () =>
          call(`/rest/v1/sessions?select=*&user_id=eq.${id}&order=session_date.desc&limit=10`, {
            token,
          }),
        );
        if (round % 4 !== 0) continue;
        const [created] = (await timedIf('create session', () =>
          call('/rest/v1/sessions', {
            method: 'POST',
            token,
            headers: { Prefer: 'return=representation' },
            body: JSON.stringify({
              user_id: id,
              session_date: new Date().toISOString(),
              set_1: 8,
              set_2: 7,
              set_3: 7,
              set_4: 6,
              set_5: 6,
            }),
          }),
        )) as Array<{ id: string }>;
        await think();
        await timedIf('start session', () =>
          call(`/rest/v1/sessions?id=eq.${created!.id}`, {
            method: 'PATCH',
            token,
            body: JSON.stringify({ status: 'in_progress' }),
          }),
        );
        await think();
        await timedIf('complete session', () =>
          call(`/rest/v1/sessions?id=eq.${created!.id}`, {
            method: 'PATCH',
            token,
            body: JSON.stringify({ status: 'completed', rpe: 8 }),
          }),
        );
      }
    }
  }

  // The same dashboard read in bare SQL, as PostgREST runs it, at the same concurrency.
  const pool = new pg.Pool({ connectionString: stack.dbUrl, max: 20 });
  // An idle connection the server closes (the stack stopping) is no reason to crash the bench.
  pool.on('error', (error) => console.error(`bare SQL pool: ${error.message}`));
  // Open the pool's connections before timing, as for the stack.
  await Promise.all(Array.from({ length: 20 }, () => pool.query('select 1')));
  await Promise.all(
    accounts.map(async ({ id }) => {
      for (let round = 0; round < rounds; round += 1) {
        await think();
        await timed('bare SQL dashboard', async () => {
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query(
              "select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)",
              [JSON.stringify({ sub: id, role: 'authenticated' })],
            );
            await client.query(
              'select * from public.sessions where user_id = $1 order by session_date desc limit 10',
              [id],
            );
            await client.query('commit');
          } finally {
            client.release();
          }
        });
      }
    }),
  );
  await pool.end();

  const total = [...timings.entries()]
    .filter(([kind]) => !kind.startsWith('bare') && kind !== 'sign-in')
    .reduce((sum, [, values]) => sum + values.length, 0);
  console.log(
    `\n${users} concurrent athletes × ${rounds} rounds (think time ~${thinkMs} ms): ${total} requests in ` +
      `${seconds.toFixed(1)} s = ${(total / seconds).toFixed(0)} requests/s\n`,
  );
  console.log(
    `${users} sign-ins in ${signInSeconds.toFixed(1)} s (bcrypt cost 10, one Node thread)\n`,
  );
  console.log('kind                 count     p50 ms   p95 ms');
  for (const [kind, values] of timings) {
    console.log(
      `${kind.padEnd(20)} ${String(values.length).padStart(5)}   ` +
        `${percentile(values, 50).toFixed(1).padStart(7)}  ${percentile(values, 95).toFixed(1).padStart(7)}`,
    );
  }
  const read = timings.get('dashboard read') ?? [];
  const bare = timings.get('bare SQL dashboard') ?? [];
  console.log(
    `\nStack overhead over bare SQL (dashboard read): p50 +${(percentile(read, 50) - percentile(bare, 50)).toFixed(1)} ms, ` +
      `p95 +${(percentile(read, 95) - percentile(bare, 95)).toFixed(1)} ms (target p95 ≤ 20 ms: ` +
      `${percentile(read, 95) <= 20 ? 'met' : 'NOT met'})`,
  );
} finally {
  await new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
  });
  rmSync(dataDir, { recursive: true, force: true });
}
