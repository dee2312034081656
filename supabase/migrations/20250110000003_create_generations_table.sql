-- generations: every AI generation attempt, whatever its outcome; the rate limit (5 per
-- rolling 24 h) and the AI success metrics count these rows (seed: Tables / generations).

create table public.generations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid null references public.sessions (id) on delete set null,
  model varchar(100) not null,
  duration_ms integer not null,
  status public.generation_status not null,
  created_at timestamptz not null default now()
);

comment on table public.generations is 'AI generation attempts: rate limiting and success metrics.';
