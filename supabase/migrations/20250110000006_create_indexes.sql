-- The seed's eight indexes, plus one index per foreign key the seed left unindexed
-- (Supabase's unindexed_foreign_keys lint): without them, deleting a session or a
-- generation, or cascading an account deletion, scans the referencing table.

-- Dashboard last session, history pagination (US-033, US-035).
create index idx_sessions_user_date on public.sessions (user_id, session_date desc);

-- At most one planned or in-progress session per athlete (US-049, 3.2.6).
create unique index idx_one_active_session on public.sessions (user_id)
  where status in ('planned', 'in_progress');

-- History filtered by status (US-038).
create index idx_sessions_user_status on public.sessions (user_id, status);

-- Rate limit: a user's attempts in the last 24 h (US-027, 3.4.5).
create index idx_generations_user_created on public.generations (user_id, created_at desc);

-- AI success rate (6.2.2).
create index idx_generations_status on public.generations (status);

-- Success metrics by event type (6.1, 6.2).
create index idx_events_type on public.events (event_type);

-- A user's event timeline.
create index idx_events_user_created on public.events (user_id, created_at desc);

-- Ad-hoc JSONB analytics.
create index idx_events_data_gin on public.events using gin (event_data);

-- Beyond the seed: the three foreign keys without a covering index.
create index idx_generations_session on public.generations (session_id);
create index idx_generation_error_logs_user on public.generation_error_logs (user_id);
create index idx_generation_error_logs_generation on public.generation_error_logs (generation_id);
