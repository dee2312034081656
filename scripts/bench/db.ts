// `npm run bench:db`: fills a fresh PostgreSQL 17 to the seed's largest expected volume and
// times the seed's eleven common queries the way the app runs them — per-user queries as the
// athlete under RLS, metric queries as the service role — then prints p50/p95, rows, the
// index each plan uses and whether the targets (per-user p95 ≤ 2 ms, metrics ≤ 300 ms) hold.
// A benchmark, not a test: it never fails on a missed target, it reports it.
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { startMigratedDatabase, tempDataDir } from '../../local-stack/database.ts';
import { fillDatabase, VOLUME } from './db/fill.ts';
import { queries, type BenchQuery, type BenchRole } from './db/queries.ts';
import { formatTable, percentile, planAccess, seededRandom } from './db/report.ts';

const TARGET_MS = { 'per-user': 2, admin: 300 } as const;
const RUNS = { 'per-user': 200, admin: 30 } as const;
const WARMUP = { 'per-user': 10, admin: 3 } as const;

interface Measurement {
  query: BenchQuery;
  timesMs: number[];
  rowCounts: number[];
  plan: string;
  indexes: string[];
  sampleValue: unknown;
  lastParams: unknown[];
  lastUser: string | null;
}

/**
 * One request as the caller makes it: a transaction with the caller's role and JWT claims,
 * so RLS and auth.uid() behave as behind PostgREST. Only the query itself is timed.
 */
async function asCaller<T>(
  client: pg.Client,
  role: BenchRole,
  userId: string | null,
  work: () => Promise<T>,
): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`set local role ${role}`);
    await client.query({
      name: 'bench-claims',
      text: `select set_config('request.jwt.claims',
               json_build_object('sub', $1::text, 'role', $2::text)::text, true)`,
      values: [userId, role],
    });
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

function sqlLiteral(client: pg.Client, value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return client.escapeLiteral(value.toISOString());
  if (Array.isArray(value)) return client.escapeLiteral(`{${value.map(String).join(',')}}`);
  return client.escapeLiteral(String(value));
}

function statementName(query: BenchQuery): string {
  return `bench_q${query.seed}_${query.variant}`;
}

/** One call of a query as its caller, with a fresh random athlete for per-user queries. */
async function runOnce(
  client: pg.Client,
  m: Measurement,
  userIds: string[],
  random: () => number,
  now: Date,
  counted: boolean,
): Promise<void> {
  const { query } = m;
  const userId =
    query.kind === 'per-user' ? (userIds[Math.floor(random() * userIds.length)] ?? '') : '';
  const params = query.params({ userId, random, now });
  const { ms, result } = await asCaller(client, query.role, userId || null, async () => {
    const t0 = performance.now();
    const result = await client.query({
      name: statementName(query),
      text: query.sql,
      values: params,
    });
    return { ms: performance.now() - t0, result };
  });
  if (counted) {
    m.timesMs.push(ms);
    m.rowCounts.push(result.rows.length);
  }
  if (query.kind === 'admin') m.sampleValue = Object.values(result.rows[0] ?? {})[0];
  m.lastParams = params;
  m.lastUser = userId || null;
}

/**
 * Runs a group of queries round-robin (run 1 of each, then run 2 of each, …), so a burst of
 * load from elsewhere on the machine spreads over all of them instead of hitting one.
 */
async function measureGroup(
  client: pg.Client,
  group: BenchQuery[],
  kind: BenchQuery['kind'],
  userIds: string[],
  random: () => number,
  now: Date,
): Promise<Measurement[]> {
  const measurements: Measurement[] = group.map((query) => ({
    query,
    timesMs: [],
    rowCounts: [],
    plan: '',
    indexes: [],
    sampleValue: undefined,
    lastParams: [],
    lastUser: null,
  }));
  for (let run = 0; run < WARMUP[kind] + RUNS[kind]; run++) {
    for (const m of measurements) {
      await runOnce(client, m, userIds, random, now, run >= WARMUP[kind]);
    }
  }
  for (const m of measurements) {
    // The plan the prepared statement really runs with (generic or custom, as the plan cache
    // decided), explained as the same role for the last sample.
    const access = await asCaller(client, m.query.role, m.lastUser, async () => {
      // EXPLAIN takes no bind parameters: the sample's values go in as literals.
      const args = m.lastParams.map((value) => sqlLiteral(client, value)).join(', ');
      const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(
        `explain (format json) execute ${statementName(m.query)}${args ? `(${args})` : ''}`,
      );
      return planAccess(rows[0]?.['QUERY PLAN']);
    });
    m.plan = access.summary;
    m.indexes = access.indexes;
  }
  return measurements;
}

function rowsCell(counts: number[]): string {
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min === max ? String(min) : `${min}–${max}`;
}

function verdict(m: Measurement): { intended: string; target: string } {
  const { intended: wanted, kind } = m.query;
  const intended =
    wanted.length === 0
      ? m.indexes.length === 0
        ? 'yes (seq scan)'
        : 'none intended'
      : m.indexes.some((name) => wanted.includes(name))
        ? 'yes'
        : 'NO';
  const target = percentile(m.timesMs, 95) <= TARGET_MS[kind] ? 'target met' : 'MISSED';
  return { intended, target };
}

async function main(): Promise<void> {
  console.log('bench:db — starting PostgreSQL 17 with all migrations…');
  const db = await startMigratedDatabase({ dataDir: tempDataDir('bench-db') });
  const client = new pg.Client({ connectionString: db.url });
  const stop = async () => {
    await client.end().catch(() => {});
    await db.stop();
  };
  const onSignal = () => {
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await client.connect();
    console.log(
      `Filling: ${VOLUME.users} users, ${VOLUME.sessions} sessions, ${VOLUME.events} events, ` +
        `~${VOLUME.generations} generations…`,
    );
    const fill = await fillDatabase(client);
    console.log(
      `\nFill time: ${(fill.totalMs / 1000).toFixed(1)} s (${Object.entries(fill.stepMs)
        .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')})`,
    );
    console.log('Integrity: foreign keys, date rules, total_reps and timestamps all hold.');
    console.log(
      'Row counts: ' +
        Object.entries(fill.counts)
          .map(([table, count]) => `${table} ${count.toLocaleString('en-US')}`)
          .join(', '),
    );

    const { rows: users } = await client.query<{ id: string }>(
      'select id from auth.users order by id',
    );
    const userIds = users.map((user) => user.id);
    const random = seededRandom(20250110);
    const now = new Date();

    // Flush the fill's dirty pages now, so its checkpoint does not land in the measurements.
    await client.query('checkpoint');
    const measurements = [
      ...(await measureGroup(
        client,
        queries.filter((query) => query.kind === 'per-user'),
        'per-user',
        userIds,
        random,
        now,
      )),
      ...(await measureGroup(
        client,
        queries.filter((query) => query.kind === 'admin'),
        'admin',
        userIds,
        random,
        now,
      )),
    ];

    const header = [
      '#',
      'query',
      'variant',
      'role',
      'runs',
      'p50 ms',
      'p95 ms',
      'rows',
      'plan (index used)',
      'intended index',
      'target',
    ];
    const rows = measurements.map((m) => {
      const { intended, target } = verdict(m);
      return [
        String(m.query.seed),
        m.query.name,
        m.query.variant,
        m.query.role,
        String(m.timesMs.length),
        percentile(m.timesMs, 50).toFixed(2),
        percentile(m.timesMs, 95).toFixed(2),
        rowsCell(m.rowCounts),
        m.plan,
        intended,
        target,
      ];
    });
    console.log(
      `\nQuery timings (each query's round trip inside its caller's transaction; per-user ` +
        `queries over random athletes as 'authenticated' under RLS, ${WARMUP['per-user']} warm-up ` +
        `runs not counted; targets: per-user p95 ≤ ${TARGET_MS['per-user']} ms, admin p95 ≤ ` +
        `${TARGET_MS.admin} ms)\n`,
    );
    console.log(formatTable(header, rows));
    // The machine may be shared: the load average tells how much the numbers above can be trusted.
    const [load1 = 0, load5 = 0] = loadavg();
    console.log(
      `\nMachine: ${cpus().length} cores, load average ${load1.toFixed(2)} (1 min), ` +
        `${load5.toFixed(2)} (5 min) at the end of the run.`,
    );

    console.log('\nMetric values:');
    for (const m of measurements.filter((each) => each.query.kind === 'admin')) {
      const value = Number(m.sampleValue);
      console.log(`  ${m.query.seed} ${m.query.name} (${m.query.variant}): ${value.toFixed(2)}`);
    }
    const better = measurements.filter((m) => m.query.variant === 'better');
    if (better.length > 0) {
      console.log('\nRecommended rewrites:');
      for (const m of better)
        console.log(`  ${m.query.seed} ${m.query.name}: ${m.query.note ?? ''}`);
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await stop();
  }
}

await main();
