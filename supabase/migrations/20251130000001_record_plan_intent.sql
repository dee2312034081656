-- The coach remembers why it planned each session (issue 13): sessions.ai_intent records the
-- plan's intent, so the coach recognises its own deloads and restarts by intent instead of
-- guessing them from totals (a deload rated RPE 8 used to read as a stall).
--
--   first_session  a first session from the athlete's one-set max
--   progress       a step up after sets done with reps in reserve
--   repeat         the same plan again (very hard last time, or short rest)
--   hold           hold after a miss (a smaller step after a failed step-up)
--   step_down      about −10 % after repeated misses
--   deload         a planned lighter session
--   short_rest     less than 24 h after the last session: about half its volume
--   restart        back after a break, below the last level
--   retest         back after a long break: a fresh start from a new (or estimated) max

create type public.plan_intent as enum (
  'first_session', 'progress', 'repeat', 'hold', 'step_down', 'deload', 'short_rest', 'restart',
  'retest'
);

alter table public.sessions add column ai_intent public.plan_intent null;

comment on column public.sessions.ai_intent is
  'Why the coach planned this session; set by the service role with the other AI fields.';

-- ai_intent is an AI field: like is_ai_generated, is_modified and ai_comment (reserved by
-- validate_session_write) only trusted writers set or change it. Its own trigger, with the
-- same error code and hint, so that validate_session_write need not be redefined here; BEFORE
-- triggers fire in name order, so this one runs right after trigger_validate_session_write.
create or replace function public.validate_session_ai_intent()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if (tg_op = 'INSERT' and new.ai_intent is not null)
     or (tg_op = 'UPDATE' and new.ai_intent is distinct from old.ai_intent) then
    raise exception 'Only the coach can set ai_intent'
      using errcode = '42501', hint = 'session_ai_fields_reserved',
            detail = 'is_ai_generated, is_modified, ai_comment and ai_intent are set by the service role.';
  end if;
  return new;
end;
$$;

create trigger trigger_validate_session_write_ai_intent
before insert or update on public.sessions
for each row execute function public.validate_session_ai_intent();

revoke execute on function public.validate_session_ai_intent()
from public, anon, authenticated, service_role;

-- finish_generation now also stores p_session's intent (null when the provider gave none;
-- an unknown intent is rejected by the enum, and then nothing is written).
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
                                 is_ai_generated, ai_comment, ai_intent)
    values (gen.user_id, 'planned', (p_session ->> 'session_date')::timestamptz,
            (p_session -> 'sets' ->> 0)::smallint, (p_session -> 'sets' ->> 1)::smallint,
            (p_session -> 'sets' ->> 2)::smallint, (p_session -> 'sets' ->> 3)::smallint,
            (p_session -> 'sets' ->> 4)::smallint, true, p_session ->> 'ai_comment',
            (p_session ->> 'intent')::public.plan_intent)
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

-- The export carries the intent too (after ai_comment).
create or replace function public.export_my_sessions()
returns json
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(json_agg(s order by s.session_date desc, s.id), '[]'::json)
  from (
    select id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe,
           is_ai_generated, is_modified, ai_comment, ai_intent, created_at, updated_at
    from public.sessions
    where user_id = (select auth.uid())
  ) as s;
$$;
