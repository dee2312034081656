-- Triggers on sessions: the seed's three (total reps, updated_at, immutability) and the
-- rules the seed left open, written so that no client can get around them.
--
-- Fixes over the seed:
--  * total_reps is recomputed on every insert and update, not only when a set column is
--    named, so a client cannot write its own total.
--  * The immutability trigger lets a completed/failed session go when its owner's account
--    is deleted (US-007); the seed's version blocked the cascade, so such users could never
--    be deleted. Users still cannot change or delete those sessions themselves.
--  * validate_session_write: AI fields are reserved to trusted writers (service role and
--    direct database roles), is_modified turns on by itself when the athlete changes an
--    AI plan, status only moves forward, and the date rules of 3.2.5.
--  * log_session_event / log_user_registered: lifecycle events in the same transaction.
--
-- BEFORE triggers fire in name order: trigger_calculate_total_reps,
-- trigger_prevent_update_immutable_sessions, trigger_update_sessions_updated_at,
-- trigger_validate_session_write. Every function pins search_path; trigger functions
-- are not callable through the API.

create schema if not exists private;
revoke all on schema private from public;

-- 1. total_reps ---------------------------------------------------------------------------
create or replace function public.calculate_total_reps()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.total_reps := coalesce(new.set_1, 0) + coalesce(new.set_2, 0) + coalesce(new.set_3, 0)
                  + coalesce(new.set_4, 0) + coalesce(new.set_5, 0);
  return new;
end;
$$;

create trigger trigger_calculate_total_reps
before insert or update on public.sessions
for each row execute function public.calculate_total_reps();

-- 2. updated_at ---------------------------------------------------------------------------
create or replace function public.update_updated_at_column()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger trigger_update_sessions_updated_at
before update on public.sessions
for each row execute function public.update_updated_at_column();

-- 3. immutability of completed/failed sessions ------------------------------------------
-- Security definer only to see whether the owner still exists in auth.users: a cascade
-- from a deleted account is the one way such a session may go.
create or replace function public.prevent_immutable_session_modification()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' then
    if old.status in ('completed', 'failed') then
      raise exception 'Cannot modify session with status: %', old.status
        using errcode = 'P0001', hint = 'session_immutable';
    end if;
    return new;
  elsif tg_op = 'DELETE' then
    if old.status in ('completed', 'failed')
       and exists (select 1 from auth.users u where u.id = old.user_id) then
      raise exception 'Cannot delete session with status: %', old.status
        using errcode = 'P0001', hint = 'session_immutable';
    end if;
    return old;
  end if;
  return null;
end;
$$;

create trigger trigger_prevent_update_immutable_sessions
before update on public.sessions
for each row execute function public.prevent_immutable_session_modification();

create trigger trigger_prevent_delete_immutable_sessions
before delete on public.sessions
for each row execute function public.prevent_immutable_session_modification();

-- 4. the session rules the seed left to the application ----------------------------------
-- Trusted writers are every role but the two API roles of end users: the service role
-- (Edge Functions) and direct database roles (migrations, operators).
--
-- Dates: "today" belongs to the athlete's time zone, which the database does not know.
-- Every offset on Earth lies within UTC-12..UTC+14, so a timestamp that is "today" for
-- some athlete is less than 24 h from now. The database rejects only what is wrong in
-- every time zone (more than 24 h ahead and not planned, more than 24 h ago and not
-- finished, more than 31 days ahead); the SPA applies the exact calendar-day rule.
create or replace function public.validate_session_write()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  trusted constant boolean := current_user not in ('anon', 'authenticated');
  today_tolerance constant interval := interval '24 hours';
begin
  if tg_op = 'INSERT' then
    if not trusted then
      if new.is_ai_generated or new.is_modified or new.ai_comment is not null then
        raise exception 'Only the coach can create an AI-generated session'
          using errcode = '42501', hint = 'session_ai_fields_reserved',
                detail = 'is_ai_generated, is_modified and ai_comment are set by the service role.';
      end if;
      new.created_at := now();
      new.updated_at := now();
    end if;
  else
    if new.id is distinct from old.id or new.user_id is distinct from old.user_id then
      raise exception 'A session cannot change its id or owner'
        using errcode = '23514', hint = 'session_identity_immutable';
    end if;
    if not trusted then
      if new.is_ai_generated is distinct from old.is_ai_generated
         or new.is_modified is distinct from old.is_modified
         or new.ai_comment is distinct from old.ai_comment then
        raise exception 'Only the coach can change is_ai_generated, is_modified or ai_comment'
          using errcode = '42501', hint = 'session_ai_fields_reserved';
      end if;
      new.created_at := old.created_at;
      -- Changing the plan of an AI session marks it modified; recording the reps done
      -- (in progress, or when finishing) is not a change of plan.
      if old.is_ai_generated and old.status = 'planned' and new.status = 'planned'
         and (new.session_date, new.set_1, new.set_2, new.set_3, new.set_4, new.set_5)
             is distinct from
             (old.session_date, old.set_1, old.set_2, old.set_3, old.set_4, old.set_5) then
        new.is_modified := true;
      end if;
    end if;

    if new.status is distinct from old.status
       and not (old.status = 'planned' and new.status in ('in_progress', 'completed', 'failed'))
       and not (old.status = 'in_progress' and new.status in ('completed', 'failed')) then
      raise exception 'A session''s status only moves forward: % cannot become %', old.status, new.status
        using errcode = '23514', hint = 'session_status_transition';
    end if;
  end if;

  if tg_op = 'INSERT' or new.status is distinct from old.status
     or new.session_date is distinct from old.session_date then
    if new.session_date > now() + interval '30 days' + today_tolerance then
      raise exception 'A session can be planned at most 30 days ahead'
        using errcode = '23514', hint = 'session_date_too_far_ahead';
    end if;
    if new.session_date > now() + today_tolerance and new.status <> 'planned' then
      raise exception 'A session dated in the future can only be planned, not %', new.status
        using errcode = '23514', hint = 'session_future_must_be_planned';
    end if;
    if new.session_date < now() - today_tolerance and new.status not in ('completed', 'failed') then
      raise exception 'A session dated in the past can only be completed or failed, not %', new.status
        using errcode = '23514', hint = 'session_past_must_be_finished';
    end if;
  end if;

  return new;
end;
$$;

create trigger trigger_validate_session_write
before insert or update on public.sessions
for each row execute function public.validate_session_write();

-- 5. lifecycle events ---------------------------------------------------------------------
-- Security definer: events accept inserts from the service role only, yet these events
-- must be written for the athlete's own changes, in the same transaction.
create or replace function private.insert_event(p_user_id uuid, p_type text, p_data jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.events (user_id, event_type, event_data) values (p_user_id, p_type, p_data);
$$;

create or replace function public.log_session_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  method text;
  changed text[];
begin
  if tg_op = 'INSERT' then
    method := case when new.is_ai_generated then 'ai' else 'manual' end;
    -- Serialise a user's inserts so two concurrent first sessions log one first_session_created.
    perform pg_advisory_xact_lock(hashtextextended(new.user_id::text, 0));
    if not exists (
      select 1 from public.events e
      where e.user_id = new.user_id and e.event_type = 'first_session_created'
    ) then
      perform private.insert_event(new.user_id, 'first_session_created',
        jsonb_build_object('session_id', new.id, 'creation_method', method, 'status', new.status));
    end if;
    perform private.insert_event(new.user_id, 'session_created',
      jsonb_build_object('session_id', new.id, 'creation_method', method, 'status', new.status));
  elsif tg_op = 'DELETE' then
    -- A cascade from a deleted account records nothing: the user and their events are gone.
    if exists (select 1 from auth.users u where u.id = old.user_id) then
      perform private.insert_event(old.user_id, 'session_deleted',
        jsonb_build_object('session_id', old.id, 'status', old.status));
    end if;
    return null;
  elsif new.status is not distinct from old.status then
    select coalesce(array_agg(f.name), '{}') into changed
    from (values
      ('session_date', new.session_date is distinct from old.session_date),
      ('set_1', new.set_1 is distinct from old.set_1),
      ('set_2', new.set_2 is distinct from old.set_2),
      ('set_3', new.set_3 is distinct from old.set_3),
      ('set_4', new.set_4 is distinct from old.set_4),
      ('set_5', new.set_5 is distinct from old.set_5)
    ) as f(name, is_changed)
    where f.is_changed
      -- Reps recorded during a workout are progress, not an edit.
      and not (new.status = 'in_progress' and f.name like 'set\_%');
    if cardinality(changed) > 0 then
      perform private.insert_event(new.user_id, 'session_edited',
        jsonb_build_object('session_id', new.id, 'status', new.status, 'changed_fields', to_jsonb(changed)));
    end if;
    return null;
  end if;

  -- A new status, on insert (logging a past session) or on update.
  if new.status = 'in_progress' then
    perform private.insert_event(new.user_id, 'session_started',
      jsonb_build_object('session_id', new.id));
  elsif new.status = 'completed' then
    perform private.insert_event(new.user_id, 'session_completed',
      jsonb_build_object('session_id', new.id, 'rpe', new.rpe, 'total_reps', new.total_reps));
  elsif new.status = 'failed' then
    perform private.insert_event(new.user_id, 'session_failed',
      jsonb_build_object('session_id', new.id, 'total_reps', new.total_reps));
  end if;
  return null;
end;
$$;

create trigger trigger_log_session_event
after insert or update or delete on public.sessions
for each row execute function public.log_session_event();

create or replace function public.log_user_registered()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.insert_event(new.id, 'user_registered',
    jsonb_build_object('provider', coalesce(new.raw_app_meta_data ->> 'provider', 'email')));
  return null;
end;
$$;

create trigger trigger_log_user_registered
after insert on auth.users
for each row execute function public.log_user_registered();

-- Trigger functions are not an API: nobody calls them directly.
revoke execute on function
  public.calculate_total_reps(),
  public.update_updated_at_column(),
  public.prevent_immutable_session_modification(),
  public.validate_session_write(),
  public.log_session_event(),
  public.log_user_registered()
from public, anon, authenticated, service_role;
revoke execute on function private.insert_event(uuid, text, jsonb) from public, anon, authenticated, service_role;
