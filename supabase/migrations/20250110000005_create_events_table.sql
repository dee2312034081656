-- events: the product's analytics trail (seed: Tables / events). Session lifecycle events
-- are written by triggers (20250110000007), AI events by generate-session, and the two
-- browser-only warning events by track-event.

create table public.events (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  event_type varchar(50) not null,
  event_data jsonb not null default '{}',
  created_at timestamptz not null default now()
);

comment on table public.events is 'Product events for the success metrics (PRD 6.1-6.3).';
