// The seed's eleven common query patterns (seed: database-schema.md, Common Query Patterns),
// as the app sends them, plus rewrites where the seed's form is slow or cannot use an index.

export type BenchRole = 'authenticated' | 'service_role';

/** What a parameter generator may draw from: a random athlete and a seeded random source. */
export interface ParamContext {
  userId: string;
  random: () => number;
  now: Date;
}

export interface BenchQuery {
  /** Seed query number (1–11). */
  seed: number;
  name: string;
  /** 'seed' is the query exactly as the seed writes it; 'better' is our recommended rewrite. */
  variant: 'seed' | 'better';
  role: BenchRole;
  /** Per-user queries run as the athlete under RLS; metric queries as the service role. */
  kind: 'per-user' | 'admin';
  sql: string;
  params: (ctx: ParamContext) => unknown[];
  /** Indexes a good plan uses; empty when a sequential scan is the right plan. */
  intended: string[];
  note?: string;
}

const day = 86_400_000;
const userOnly = ({ userId }: ParamContext): unknown[] => [userId];

const historyStatuses = [
  ['completed', 'failed'],
  ['completed'],
  ['failed'],
  ['planned', 'in_progress', 'completed', 'failed'],
];

export const queries: BenchQuery[] = [
  {
    seed: 1,
    name: 'active session',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select * from public.sessions
          where user_id = $1 and status in ('planned', 'in_progress')
          order by created_at desc limit 1`,
    params: userOnly,
    intended: ['idx_one_active_session', 'idx_sessions_user_status'],
  },
  {
    seed: 2,
    name: 'last completed',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select * from public.sessions
          where user_id = $1 and status = 'completed'
          order by session_date desc limit 1`,
    params: userOnly,
    intended: ['idx_sessions_user_date', 'idx_sessions_user_status'],
  },
  {
    seed: 3,
    name: 'history page',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select * from public.sessions
          where user_id = $1 and status = any($2::public.session_status[])
            and session_date between $3 and $4
          order by session_date desc limit 10 offset $5`,
    // A filter of the history screen: a status set, the last 30 days / 90 days / all time,
    // one of the first five pages.
    params: ({ userId, random, now }) => {
      const statuses = historyStatuses[Math.floor(random() * historyStatuses.length)];
      const span = [30, 90, 3650][Math.floor(random() * 3)] ?? 30;
      return [
        userId,
        statuses,
        new Date(now.getTime() - span * day),
        new Date(now.getTime() + 31 * day),
        10 * Math.floor(random() * 5),
      ];
    },
    intended: ['idx_sessions_user_date'],
  },
  {
    seed: 4,
    name: 'rate limit (24 h)',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select count(*) from public.generations
          where user_id = $1 and created_at > now() - interval '24 hours'`,
    params: userOnly,
    intended: ['idx_generations_user_created'],
  },
  {
    seed: 5,
    name: 'AI context (last 10)',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select session_date, set_1, set_2, set_3, set_4, set_5, total_reps, rpe, status
          from public.sessions
          where user_id = $1 and status in ('completed', 'failed')
          order by session_date desc limit 10`,
    params: userOnly,
    intended: ['idx_sessions_user_date'],
  },
  {
    seed: 7,
    name: 'rest period (24 h)',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select session_date, extract(epoch from (now() - session_date)) / 3600 as hours_since
          from public.sessions
          where user_id = $1 and status in ('completed', 'failed')
          order by session_date desc limit 1`,
    params: userOnly,
    intended: ['idx_sessions_user_date'],
  },
  {
    seed: 8,
    name: 'sessions on a date',
    variant: 'seed',
    role: 'authenticated',
    kind: 'per-user',
    sql: `select count(*) from public.sessions
          where user_id = $1 and date(session_date) = date($2::timestamptz)
            and status in ('completed', 'failed')`,
    params: ({ userId, random, now }) => [userId, new Date(now.getTime() - random() * 120 * day)],
    intended: ['idx_sessions_user_date', 'idx_sessions_user_status'],
  },
  {
    seed: 8,
    name: 'sessions on a date',
    variant: 'better',
    role: 'authenticated',
    kind: 'per-user',
    // date(timestamptz) is not indexable and uses the server's time zone, not the athlete's:
    // the app passes the bounds of the athlete's local day instead.
    sql: `select count(*) from public.sessions
          where user_id = $1 and session_date >= $2 and session_date < $3
            and status in ('completed', 'failed')`,
    params: ({ userId, random, now }) => {
      const start = new Date(now.getTime() - random() * 120 * day);
      start.setUTCHours(0, 0, 0, 0);
      return [userId, start, new Date(start.getTime() + day)];
    },
    intended: ['idx_sessions_user_date'],
    note: 'local-day range instead of date(), index range scan',
  },
  {
    seed: 6,
    name: 'AI success rate (7 d)',
    variant: 'seed',
    role: 'service_role',
    kind: 'admin',
    sql: `select count(*) filter (where status = 'success') * 100.0 / count(*) as success_rate
          from public.generations
          where created_at > now() - interval '7 days'`,
    params: () => [],
    // No index leads with created_at; at ~25,000 rows a scan of the table is the plan.
    intended: [],
  },
  {
    seed: 9,
    name: 'activation rate',
    variant: 'seed',
    role: 'service_role',
    kind: 'admin',
    sql: `select count(distinct case
                   when exists (
                     select 1 from public.sessions
                     where sessions.user_id = users.id and status = 'completed'
                   ) then users.id end) * 100.0 / count(*) as activation_rate
          from auth.users`,
    params: () => [],
    intended: ['idx_sessions_user_status'],
  },
  {
    seed: 9,
    name: 'activation rate',
    variant: 'better',
    role: 'service_role',
    kind: 'admin',
    // A semi-join counted once, instead of count(distinct) over a per-row subquery.
    sql: `select (select count(*) from auth.users u
                  where exists (select 1 from public.sessions s
                                where s.user_id = u.id and s.status = 'completed'))
                 * 100.0 / nullif((select count(*) from auth.users), 0) as activation_rate`,
    params: () => [],
    intended: ['idx_sessions_user_status'],
    note: 'semi-join (exists) instead of count(distinct case …)',
  },
  {
    seed: 10,
    name: 'AI adoption rate',
    variant: 'seed',
    role: 'service_role',
    kind: 'admin',
    sql: `select count(distinct user_id) * 100.0 / (select count(*) from auth.users)
                 as ai_adoption_rate
          from public.generations
          where status = 'success'`,
    params: () => [],
    intended: ['idx_generations_status'],
  },
  {
    seed: 10,
    name: 'AI adoption rate',
    variant: 'better',
    role: 'service_role',
    kind: 'admin',
    // Most generations succeed, so idx_generations_status cannot narrow 'success' and the seed
    // form reads the whole table; a semi-join probes each user's attempts by user_id instead
    // and stops at the first success.
    sql: `select (select count(*) from auth.users u
                  where exists (select 1 from public.generations g
                                where g.user_id = u.id and g.status = 'success'))
                 * 100.0 / nullif((select count(*) from auth.users), 0) as ai_adoption_rate`,
    params: () => [],
    intended: ['idx_generations_user_created'],
    note: 'semi-join per user on idx_generations_user_created instead of count(distinct) over all successes',
  },
  {
    seed: 11,
    name: 'avg sessions per user',
    variant: 'seed',
    role: 'service_role',
    kind: 'admin',
    sql: `select avg(session_count) as avg_sessions_per_user
          from (select user_id, count(*) as session_count
                from public.sessions group by user_id) as user_sessions`,
    params: () => [],
    intended: ['idx_sessions_user_date', 'idx_sessions_user_status'],
  },
];
