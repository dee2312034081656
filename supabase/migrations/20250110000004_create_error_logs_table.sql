-- generation_error_logs: details of failed AI generations, for debugging
-- (seed: Tables / generation_error_logs).

create table public.generation_error_logs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  generation_id uuid null references public.generations (id) on delete cascade,
  error_type varchar(100) not null,
  error_message text not null,
  error_stack text null,
  created_at timestamptz not null default now()
);

comment on table public.generation_error_logs is 'Why AI generation attempts failed.';
