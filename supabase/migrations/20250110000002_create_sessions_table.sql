-- sessions: the athlete's training sessions, five sets each (seed: Tables / sessions).
--
-- Beyond the seed, two rules the seed left to application code are constraints here, so
-- no client can break them: a completed session has at least one set above zero (US-057),
-- and RPE is only recorded on a completed session. Sets are 1..60 or null, so "above zero"
-- means "not null".

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  status public.session_status not null default 'planned',
  session_date timestamptz not null default now(),
  set_1 smallint null check (set_1 >= 1 and set_1 <= 60),
  set_2 smallint null check (set_2 >= 1 and set_2 <= 60),
  set_3 smallint null check (set_3 >= 1 and set_3 <= 60),
  set_4 smallint null check (set_4 >= 1 and set_4 <= 60),
  set_5 smallint null check (set_5 >= 1 and set_5 <= 60),
  total_reps integer not null default 0,
  rpe smallint null check (rpe >= 1 and rpe <= 10),
  is_ai_generated boolean not null default false,
  is_modified boolean not null default false,
  ai_comment text null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  constraint sessions_completed_has_reps
    check (status <> 'completed' or num_nonnulls(set_1, set_2, set_3, set_4, set_5) > 0),
  constraint sessions_rpe_only_when_completed
    check (rpe is null or status = 'completed')
);

comment on table public.sessions is 'Pull-up training sessions: five sets, a lifecycle, effort as RPE.';
comment on column public.sessions.session_date is 'User-chosen training date, separate from created_at.';
comment on column public.sessions.total_reps is 'Sum of the five sets, kept by trigger.';
comment on column public.sessions.is_modified is 'True once the athlete changed the plan of an AI session.';
