// Fills a migrated database to the seed's largest expected MVP volume (seed: Performance
// Considerations): 1,000 users, 100,000 sessions, 1,000,000 events, about 25,000 generations,
// with set-based SQL so the whole fill takes well under two minutes on two cores.
import type pg from 'pg';

export const VOLUME = {
  users: 1_000,
  sessions: 100_000,
  events: 1_000_000,
  generations: 25_000,
} as const;

interface FillStep {
  name: string;
  sql: string;
}

// Every random draw is stored in a temp table first and only then turned into rows, so a
// volatile random() is never evaluated twice for the same row by the planner.
const steps: FillStep[] = [
  {
    name: 'prepare',
    sql: `
      -- The row triggers (total_reps, validation, lifecycle events, user_registered) would fire
      -- 1.1 million times; replica mode skips them (and the FK triggers) for this bulk load. The
      -- fill writes total_reps and every lifecycle event itself, keeps every row within the
      -- triggers' rules, and CHECK / unique constraints are still enforced as usual.
      set session_replication_role = replica;
      set synchronous_commit = off;
      set maintenance_work_mem = '256MB';
      select setseed(0.20250110);`,
  },
  {
    name: 'users',
    sql: `
      create temp table bench_users as
      select g as idx,
             gen_random_uuid() as id,
             -- About 8 % sign up and never train; the rest train with different diligence.
             case when random() < 0.08 then 0 else 0.3 + random() * 1.4 end as weight,
             3 + floor(random() * 23)::int as ability,
             random() < 0.65 as uses_ai,
             random() < 0.6 as has_active,
             case when random() < 0.8 then 'planned' else 'in_progress' end::public.session_status
               as active_status,
             random() as r_reg,
             0 as n_sessions,
             null::timestamptz as reg_at
      from generate_series(1, ${VOLUME.users}) g;

      -- Session counts proportional to weight (mean ~100), summing to exactly ${VOLUME.sessions}.
      with shares as (
        select idx, floor(${VOLUME.sessions} * weight / sum(weight) over ())::int as base,
               row_number() over (order by idx) as rn
        from bench_users where weight > 0
      ), rest as (
        select idx, base, rn, ${VOLUME.sessions} - sum(base) over () as remainder from shares
      )
      update bench_users u
      set n_sessions = rest.base + case when rest.rn <= rest.remainder then 1 else 0 end
      from rest where rest.idx = u.idx;

      -- Active athletes train every ~1.5 days since they signed up: 100 sessions ≈ 5 months.
      update bench_users
      set reg_at = now() - make_interval(days => (n_sessions * 1.5 + 5 + r_reg * 20)::int)
                         - make_interval(secs => r_reg * 86400);

      insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
        email_confirmed_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data,
        created_at, updated_at, is_sso_user, is_anonymous)
      select '00000000-0000-0000-0000-000000000000', id, 'authenticated', 'authenticated',
             'athlete' || idx || '@bench.local',
             '$2a$10$benchbenchbenchbenchbeOqN4b8Gk5y0mVdQm5yQ3Yq7c4m3Gm6q',
             reg_at, now() - make_interval(hours => (r_reg * 72)::int),
             '{"provider": "email", "providers": ["email"]}', '{}', reg_at, reg_at, false, false
      from bench_users;`,
  },
  {
    name: 'sessions',
    sql: `
      create temp table bench_session_draws as
      select gen_random_uuid() as id, u.id as user_id, u.idx as uidx, u.reg_at, u.ability,
             u.uses_ai, k, u.n_sessions as n,
             (u.has_active and k = u.n_sessions) as is_active, u.active_status,
             u.n_sessions - case when u.has_active then 1 else 0 end as m,
             random() as r_status, random() as r_date, random() as r_created, random() as r_ai,
             random() as r_mod, random() as r_life, random() as r_start, random() as r_rpe,
             random() as r_null, random() as r_comment,
             array[random(), random(), random(), random(), random()] as r_sets
      from bench_users u cross join lateral generate_series(1, u.n_sessions) k;

      create temp table bench_sessions as
      with d as (
        select *,
          case when is_active then active_status
               when r_status < 0.85 then 'completed' else 'failed'
          end::public.session_status as status,
          -- Past sessions in order across [sign-up + 1 day, now - 1 day); the active one is
          -- planned up to 14 days ahead or in progress since less than two hours.
          case when is_active and active_status = 'planned'
                 then now() + make_interval(secs => 3600 + r_date * 13 * 86400)
               when is_active then now() - make_interval(secs => r_date * 7200)
               else reg_at + interval '1 day'
                    + (now() - reg_at - interval '2 days') * ((k - 1 + r_date) / m)
          end as session_date,
          uses_ai and r_ai < 0.34 as is_ai,
          -- Strength grows over the athlete's history.
          ability * (0.75 + 0.5 * k::numeric / n) as level
        from bench_session_draws
      ), s as (
        select d.*,
          array(
            select least(60, greatest(1, round(
                     level * (1 - 0.07 * (j - 1)) * case when status = 'failed' then 0.7 else 1 end
                     + r_sets[j] * 4 - 2)))::smallint
            from generate_series(1, 5) j
          ) as planned_sets,
          -- Sessions planned before they happened (AI plans, the active one, half of the rest)
          -- went through planned → (in_progress →) completed | failed; the others were logged
          -- afterwards as completed or failed.
          is_ai or is_active or r_life < 0.5 as lived
        from d
      )
      select id, user_id, uidx, status, session_date, is_ai, lived,
        -- A few failed sessions record nothing (given up before the first set); otherwise the
        -- first three sets are filled, so every completed session has reps.
        case when status = 'failed' and r_null < 0.05 then null else planned_sets[1] end as set_1,
        case when status = 'failed' and r_null < 0.05 then null else planned_sets[2] end as set_2,
        case when status = 'failed' and r_null < 0.05 then null else planned_sets[3] end as set_3,
        case when status = 'failed' and r_null < 0.5 then null else planned_sets[4] end as set_4,
        case when status = 'failed' and r_null < 0.6 then null
             when status = 'completed' and r_null < 0.1 then null
             else planned_sets[5] end as set_5,
        case when status = 'completed' and r_rpe < 0.9 then 4 + floor(r_rpe / 0.9 * 7)::smallint
        end as rpe,
        is_ai and r_mod < 0.15 as is_modified,
        case when is_ai then (array[
          'Steady progress: one more rep on the first two sets.',
          'Recovery week: volume down 10 % after a hard session.',
          'You failed the last set twice; same plan, longer rest.',
          'Strong RPE trend: push the top set by two reps.'])[1 + floor(r_comment * 4)::int]
        end as ai_comment,
        case when is_active and status = 'planned'
               then now() - make_interval(secs => r_created * 47 * 3600)
             when lived then session_date - make_interval(secs => 3600 + r_created * 22 * 3600)
             else session_date + make_interval(secs => r_created * 3 * 3600)
        end as created_at,
        status = 'in_progress' or (status <> 'planned' and lived and r_start < 0.7) as started
      from s;

      alter table bench_sessions
        add column total_reps int, add column updated_at timestamptz;
      update bench_sessions set
        total_reps = coalesce(set_1, 0) + coalesce(set_2, 0) + coalesce(set_3, 0)
                   + coalesce(set_4, 0) + coalesce(set_5, 0),
        updated_at = case when status in ('completed', 'failed') and lived
                            then session_date + interval '45 minutes'
                          when status = 'in_progress' then session_date
                          else created_at end;

      insert into public.sessions (id, user_id, status, session_date, set_1, set_2, set_3, set_4,
        set_5, total_reps, rpe, is_ai_generated, is_modified, ai_comment, created_at, updated_at)
      select id, user_id, status, session_date, set_1, set_2, set_3, set_4, set_5, total_reps,
             rpe, is_ai, is_modified, ai_comment, created_at, updated_at
      from bench_sessions;`,
  },
  {
    name: 'generations',
    sql: `
      -- One successful generation behind every AI session; the rest up to ~${VOLUME.generations}
      -- are timeouts and provider/validation errors of AI users, spread over their history.
      create temp table bench_generations as
      select gen_random_uuid() as id, user_id, id as session_id,
             'success'::public.generation_status as status,
             2000 + floor(random() * 13000)::int as duration_ms,
             created_at as finished_at
      from bench_sessions where is_ai;

      create temp table bench_ai_users as
      select row_number() over (order by idx) as n, id, reg_at
      from bench_users where uses_ai and n_sessions > 0;

      insert into bench_generations (id, user_id, session_id, status, duration_ms, finished_at)
      select gen_random_uuid(), u.id, null,
             case when f.r_status < 0.4 then 'timeout' else 'error' end::public.generation_status,
             case when f.r_status < 0.4 then 30000 + floor(f.r_dur * 500)::int
                  else 500 + floor(f.r_dur * 19500)::int end,
             u.reg_at + (now() - u.reg_at) * f.r_when
      from (
        select 1 + floor(random() * (select count(*) from bench_ai_users))::int as pick,
               random() as r_status, random() as r_dur, random() as r_when
        from generate_series(1, greatest(0,
          ${VOLUME.generations} - (select count(*) from bench_generations)::int))
      ) f
      join bench_ai_users u on u.n = f.pick;

      insert into public.generations (id, user_id, session_id, model, duration_ms, status,
        created_at)
      select id, user_id, session_id, 'openai/gpt-4o-mini', duration_ms, status,
             finished_at - make_interval(secs => duration_ms / 1000.0)
      from bench_generations;

      insert into public.generation_error_logs (user_id, generation_id, error_type,
        error_message, error_stack, created_at)
      select user_id, id,
             case when status = 'timeout' then 'timeout'
                  when duration_ms % 3 = 0 then 'invalid_output' else 'provider_error' end,
             case when status = 'timeout' then 'No answer from the model within 30000 ms'
                  when duration_ms % 3 = 0 then 'Model output failed schema validation: set_4 > 60'
                  else 'Provider returned 503 Service Unavailable' end,
             case when duration_ms % 2 = 0 then
               E'Error: generation failed\\n    at generateSession (index.ts:42:11)' end,
             finished_at
      from bench_generations where status <> 'success';`,
  },
  {
    name: 'events',
    sql: `
      -- Maintaining the GIN index row by row is most of the cost of a million inserts: the
      -- events indexes are dropped here and rebuilt from their saved definitions afterwards,
      -- so the database ends with exactly the migrations' indexes.
      create temp table bench_event_indexes as
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      where i.indrelid = 'public.events'::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
      do $$
      declare idx record;
      begin
        for idx in select name from bench_event_indexes loop
          execute format('drop index %s', idx.name);
        end loop;
      end $$;

      -- The lifecycle events the triggers would have written, with their event_data shapes.
      insert into public.events (user_id, event_type, event_data, created_at)
      select id, 'user_registered', '{"provider": "email"}', reg_at from bench_users;

      insert into public.events (user_id, event_type, event_data, created_at)
      select distinct on (user_id) user_id, 'first_session_created',
             jsonb_build_object('session_id', id,
               'creation_method', case when is_ai then 'ai' else 'manual' end,
               'status', case when lived then 'planned' else status::text end),
             created_at
      from bench_sessions order by user_id, created_at;

      insert into public.events (user_id, event_type, event_data, created_at)
      select user_id, 'session_created',
             jsonb_build_object('session_id', id,
               'creation_method', case when is_ai then 'ai' else 'manual' end,
               'status', case when lived then 'planned' else status::text end),
             created_at
      from bench_sessions;

      insert into public.events (user_id, event_type, event_data, created_at)
      select user_id, 'session_started', jsonb_build_object('session_id', id), session_date
      from bench_sessions where started;

      insert into public.events (user_id, event_type, event_data, created_at)
      select user_id, 'session_' || status,
             case when status = 'completed'
               then jsonb_build_object('session_id', id, 'rpe', rpe, 'total_reps', total_reps)
               else jsonb_build_object('session_id', id, 'total_reps', total_reps) end,
             updated_at
      from bench_sessions where status in ('completed', 'failed');

      -- What generate-session logs around each attempt.
      insert into public.events (user_id, event_type, event_data, created_at)
      select user_id, 'ai_generation_attempted', jsonb_build_object('generation_id', id),
             finished_at - make_interval(secs => duration_ms / 1000.0)
      from bench_generations
      union all
      select user_id,
             case when status = 'success' then 'ai_generation_succeeded'
                  else 'ai_generation_failed' end,
             jsonb_build_object('generation_id', id, 'session_id', session_id,
               'status', status, 'duration_ms', duration_ms),
             finished_at
      from bench_generations;

      -- The remaining volume up to ${VOLUME.events}: plan edits, rest-period warnings (shown and
      -- ignored) and deleted plans of training athletes, spread over each one's history.
      create temp table bench_training_users as
      select row_number() over (order by idx) as n, id, reg_at
      from bench_users where n_sessions > 0;

      insert into public.events (user_id, event_type, event_data, created_at)
      select u.id, f.event_type,
             case f.event_type
               when 'session_edited' then jsonb_build_object('session_id', gen_random_uuid(),
                 'status', 'planned', 'changed_fields', jsonb_build_array('set_' || f.set_no))
               when 'session_deleted' then jsonb_build_object('session_id', gen_random_uuid(),
                 'status', 'planned')
               else jsonb_build_object('hours_since_last', f.hours,
                 'last_session_id', gen_random_uuid())
             end,
             u.reg_at + (now() - u.reg_at) * f.r_when
      from (
        select 1 + floor(random() * (select count(*) from bench_training_users))::int as pick,
               case when r < 0.5 then 'session_edited'
                    when r < 0.8 then 'rest_period_warning_shown'
                    when r < 0.95 then 'rest_period_warning_ignored'
                    else 'session_deleted' end as event_type,
               1 + floor(random() * 5)::int as set_no,
               1 + floor(random() * 23)::int as hours,
               random() as r_when
        from (select random() as r
              from generate_series(1, ${VOLUME.events} - (select count(*) from public.events)::int)
             ) draws
      ) f
      join bench_training_users u on u.n = f.pick;

      do $$
      declare idx record;
      begin
        for idx in select definition from bench_event_indexes loop
          execute idx.definition;
        end loop;
      end $$;`,
  },
  {
    name: 'finish',
    sql: `
      set session_replication_role = origin;
      drop table bench_users, bench_session_draws, bench_sessions, bench_generations,
        bench_ai_users, bench_training_users, bench_event_indexes;`,
  },
];

// Replica mode also skipped the foreign-key triggers and the date rules of
// validate_session_write, so the fill proves it kept them: each query counts violations.
const integrityChecks: Record<string, string> = {
  'sessions.user_id references auth.users': `select count(*) from public.sessions s
    where not exists (select 1 from auth.users u where u.id = s.user_id)`,
  'generations reference users and sessions': `select count(*) from public.generations g
    where not exists (select 1 from auth.users u where u.id = g.user_id)
       or (g.session_id is not null
           and not exists (select 1 from public.sessions s where s.id = g.session_id))`,
  'error logs reference users and generations': `select count(*)
    from public.generation_error_logs l
    where not exists (select 1 from auth.users u where u.id = l.user_id)
       or not exists (select 1 from public.generations g where g.id = l.generation_id)`,
  'events.user_id references auth.users': `select count(*) from public.events e
    where not exists (select 1 from auth.users u where u.id = e.user_id)`,
  'date rules (24 h tolerance, 31 days ahead)': `select count(*) from public.sessions
    where session_date > now() + interval '31 days'
       or (session_date > now() + interval '24 hours' and status <> 'planned')
       or (session_date < now() - interval '24 hours'
           and status not in ('completed', 'failed'))`,
  'total_reps is the sum of the sets': `select count(*) from public.sessions
    where total_reps <> coalesce(set_1, 0) + coalesce(set_2, 0) + coalesce(set_3, 0)
                      + coalesce(set_4, 0) + coalesce(set_5, 0)`,
  'timestamps in order': `select count(*) from public.sessions
    where created_at > now() or updated_at < created_at`,
};

export interface FillResult {
  totalMs: number;
  stepMs: Record<string, number>;
  counts: Record<string, number>;
}

/**
 * Fills the database through a superuser connection, vacuums and analyzes it, and checks
 * the rules the skipped triggers would have enforced (throws if one is broken).
 */
export async function fillDatabase(client: pg.Client): Promise<FillResult> {
  const started = performance.now();
  const stepMs: Record<string, number> = {};
  for (const step of steps) {
    const t0 = performance.now();
    // Statements are separated by blank lines; one at a time so BENCH_DEBUG can time each.
    for (const statement of step.sql.split(/\n\s*\n/)) {
      const s0 = performance.now();
      await client.query(statement);
      if (process.env.BENCH_DEBUG) {
        const label = statement
          .split('\n')
          .find((line) => line.trim() && !line.trim().startsWith('--'));
        console.log(`  ${(performance.now() - s0).toFixed(0).padStart(6)} ms  ${label?.trim()}`);
      }
    }
    stepMs[step.name] = performance.now() - t0;
  }
  const t0 = performance.now();
  await client.query('vacuum analyze');
  stepMs['vacuum analyze'] = performance.now() - t0;
  const totalMs = performance.now() - started;

  for (const [rule, sql] of Object.entries(integrityChecks)) {
    const { rows } = await client.query<{ count: string }>(sql);
    if (Number(rows[0]?.count) !== 0) {
      throw new Error(
        `Fill broke a rule the skipped triggers enforce: ${rule} (${rows[0]?.count} rows)`,
      );
    }
  }

  const { rows } = await client.query<{ name: string; count: string }>(`
    select 'auth.users' as name, count(*) from auth.users
    union all select 'sessions', count(*) from public.sessions
    union all select 'events', count(*) from public.events
    union all select 'generations', count(*) from public.generations
    union all select 'generation_error_logs', count(*) from public.generation_error_logs`);
  const counts = Object.fromEntries(rows.map((row) => [row.name, Number(row.count)]));
  return { totalMs, stepMs, counts };
}
