-- Database functions for the generate-session Edge Function (service role only).
--
-- The rate limit (5 attempts per user per rolling 24 h, every attempt counted whatever its
-- outcome) must hold under concurrency: 20 simultaneous requests with k slots left may
-- reach the AI provider at most k times. So a slot is reserved *before* the provider call:
-- reserve_generation takes a per-user transaction lock, checks for an active session and
-- counts the window, then inserts the attempt's generations row, all in one transaction.
-- The row starts as status 'error' with duration 0 — if the function dies mid-call, the
-- attempt still counts and reads as failed, which is what it was. finish_generation then
-- records the outcome, and on success creates the session, in one transaction.

-- Reserve one attempt, or say why not. Returns
--   {outcome: 'reserved', generation_id, used, limit, next_slot_at}
--   {outcome: 'rate_limited', used, limit, next_slot_at}
--   {outcome: 'active_session_exists', session_id}
create or replace function public.reserve_generation(
  p_user_id uuid,
  p_model text,
  p_limit integer default 5,
  p_window interval default interval '24 hours'
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  active_id uuid;
  used integer;
  oldest timestamptz;
  new_id uuid;
begin
  -- Serialise this user's reservations; the count below then sees every committed attempt.
  perform pg_advisory_xact_lock(hashtextextended('generations:' || p_user_id::text, 0));

  select s.id into active_id from public.sessions s
  where s.user_id = p_user_id and s.status in ('planned', 'in_progress')
  limit 1;
  if active_id is not null then
    return jsonb_build_object('outcome', 'active_session_exists', 'session_id', active_id);
  end if;

  select count(*)::integer, min(g.created_at) into used, oldest
  from public.generations g
  where g.user_id = p_user_id and g.created_at > now() - p_window;

  if used >= p_limit then
    return jsonb_build_object('outcome', 'rate_limited', 'used', used, 'limit', p_limit,
      'next_slot_at', oldest + p_window);
  end if;

  insert into public.generations (user_id, model, duration_ms, status)
  values (p_user_id, p_model, 0, 'error')
  returning id into new_id;

  insert into public.events (user_id, event_type, event_data)
  values (p_user_id, 'ai_generation_attempted', jsonb_build_object('generation_id', new_id, 'model', p_model));

  return jsonb_build_object('outcome', 'reserved', 'generation_id', new_id, 'used', used + 1,
    'limit', p_limit, 'next_slot_at', coalesce(oldest, now()) + p_window);
end;
$$;

-- Record the outcome of a reserved attempt. On success, p_session holds
-- {session_date, sets: [5 ints], ai_comment} and the planned AI session is created here;
-- if that insert fails, nothing of it is written and the caller records an error instead.
create or replace function public.finish_generation(
  p_generation_id uuid,
  p_status public.generation_status,
  p_duration_ms integer,
  p_model text,
  p_session jsonb default null,
  p_error_type text default null,
  p_error_message text default null,
  p_error_stack text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  gen public.generations%rowtype;
  created public.sessions%rowtype;
begin
  select * into gen from public.generations where id = p_generation_id for update;
  if not found then
    raise exception 'Unknown generation %', p_generation_id using errcode = 'P0002';
  end if;

  if p_status = 'success' then
    if p_session is null or jsonb_array_length(p_session -> 'sets') <> 5 then
      raise exception 'A successful generation needs a session with five sets' using errcode = '22023';
    end if;
    insert into public.sessions (user_id, status, session_date, set_1, set_2, set_3, set_4, set_5,
                                 is_ai_generated, ai_comment)
    values (gen.user_id, 'planned', (p_session ->> 'session_date')::timestamptz,
            (p_session -> 'sets' ->> 0)::smallint, (p_session -> 'sets' ->> 1)::smallint,
            (p_session -> 'sets' ->> 2)::smallint, (p_session -> 'sets' ->> 3)::smallint,
            (p_session -> 'sets' ->> 4)::smallint, true, p_session ->> 'ai_comment')
    returning * into created;

    update public.generations
    set status = 'success', duration_ms = p_duration_ms, model = p_model, session_id = created.id
    where id = p_generation_id;

    insert into public.events (user_id, event_type, event_data)
    values (gen.user_id, 'ai_generation_succeeded', jsonb_build_object(
      'generation_id', p_generation_id, 'session_id', created.id, 'model', p_model,
      'duration_ms', p_duration_ms));

    return jsonb_build_object('session', to_jsonb(created));
  end if;

  update public.generations
  set status = p_status, duration_ms = p_duration_ms, model = p_model
  where id = p_generation_id;

  insert into public.generation_error_logs (user_id, generation_id, error_type, error_message, error_stack)
  values (gen.user_id, p_generation_id, coalesce(p_error_type, p_status::text),
          coalesce(p_error_message, 'Generation failed'), p_error_stack);

  insert into public.events (user_id, event_type, event_data)
  values (gen.user_id, 'ai_generation_failed', jsonb_build_object(
    'generation_id', p_generation_id, 'model', p_model, 'status', p_status,
    'error_type', coalesce(p_error_type, p_status::text), 'duration_ms', p_duration_ms));

  return jsonb_build_object('session', null);
end;
$$;

-- Success metrics for admins (admin-metrics), computed in one round trip. Targets:
-- activation ≥ 70 %, AI adoption ≥ 60 % (PRD 6.1-6.2).
create or replace function public.admin_metrics()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with users as (select count(*)::numeric as n from auth.users),
  activated as (
    select count(*)::numeric as n from auth.users u
    where exists (select 1 from public.sessions s where s.user_id = u.id and s.status = 'completed')
  ),
  adopters as (
    select count(*)::numeric as n from auth.users u
    where exists (select 1 from public.generations g where g.user_id = u.id and g.status = 'success')
  ),
  gen_all as (
    select count(*) filter (where status = 'success')::numeric as ok, count(*)::numeric as n
    from public.generations
  ),
  gen_week as (
    select count(*) filter (where status = 'success')::numeric as ok, count(*)::numeric as n
    from public.generations where created_at > now() - interval '7 days'
  ),
  per_user as (
    select count(*)::numeric as sessions, count(distinct user_id)::numeric as users from public.sessions
  )
  select jsonb_build_object(
    'generated_at', now(),
    'users', (select n from users),
    'activation_rate', (select round(100 * a.n / nullif(u.n, 0), 1) from activated a, users u),
    'ai_adoption_rate', (select round(100 * a.n / nullif(u.n, 0), 1) from adopters a, users u),
    'ai_success_rate_7d', (select round(100 * ok / nullif(n, 0), 1) from gen_week),
    'ai_success_rate_all', (select round(100 * ok / nullif(n, 0), 1) from gen_all),
    'ai_generations_7d', (select n from gen_week),
    'avg_sessions_per_user', (select round(sessions / nullif(users, 0), 2) from per_user),
    'sessions_by_status', (
      select coalesce(jsonb_object_agg(status, n), '{}')
      from (select status, count(*) as n from public.sessions group by status) s
    ),
    'events_last_30_days', (
      select coalesce(jsonb_object_agg(event_type, n), '{}')
      from (select event_type, count(*) as n from public.events
            where created_at > now() - interval '30 days' group by event_type) e
    ),
    'new_users_per_week', (
      select coalesce(jsonb_agg(jsonb_build_object('week', week, 'users', n) order by week), '[]')
      from (select date_trunc('week', created_at)::date as week, count(*) as n from auth.users
            where created_at > now() - interval '12 weeks' group by 1) w
    )
  );
$$;

revoke execute on function public.reserve_generation(uuid, text, integer, interval) from public, anon, authenticated;
revoke execute on function public.finish_generation(uuid, public.generation_status, integer, text, jsonb, text, text, text) from public, anon, authenticated;
revoke execute on function public.admin_metrics() from public, anon, authenticated;
grant execute on function public.reserve_generation(uuid, text, integer, interval) to service_role;
grant execute on function public.finish_generation(uuid, public.generation_status, integer, text, jsonb, text, text, text) to service_role;
grant execute on function public.admin_metrics() to service_role;
