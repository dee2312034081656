-- Row Level Security on all four tables, with the seed's policies (seed: RLS Policies).
--
-- Changes from the seed:
--  * auth.uid() / auth.role() are wrapped in (select ...) so Postgres evaluates them once
--    per statement, not once per row (Supabase lint auth_rls_initplan).
--  * Each policy names the role it is for: athletes are `authenticated`; anon gets nothing.
--  * The sessions UPDATE policy lets the owner finish an active session. The seed checked
--    the new row for planned/in_progress, so no athlete could ever complete or fail their
--    own session. The row it starts from must still be active (USING); the new row must
--    still be theirs (WITH CHECK); which status moves are allowed is decided by
--    validate_session_write (forward only).

alter table public.sessions enable row level security;
alter table public.generations enable row level security;
alter table public.generation_error_logs enable row level security;
alter table public.events enable row level security;

-- sessions ---------------------------------------------------------------------------------

-- Athletes read their own sessions.
create policy "Users can view own sessions"
on public.sessions for select to authenticated
using ((select auth.uid()) = user_id);

-- Athletes create sessions for themselves (AI fields are refused by trigger).
create policy "Users can create own sessions"
on public.sessions for insert to authenticated
with check ((select auth.uid()) = user_id);

-- Athletes change their own planned/in-progress sessions, including finishing them.
create policy "Users can update own active sessions"
on public.sessions for update to authenticated
using ((select auth.uid()) = user_id and status in ('planned', 'in_progress'))
with check ((select auth.uid()) = user_id);

-- Athletes delete their own planned/in-progress sessions; finished ones are history.
create policy "Users can delete own active sessions"
on public.sessions for delete to authenticated
using ((select auth.uid()) = user_id and status in ('planned', 'in_progress'));

-- generations ------------------------------------------------------------------------------

-- Athletes read their own attempts (the dashboard shows the remaining quota).
create policy "Users can view own generations"
on public.generations for select to authenticated
using ((select auth.uid()) = user_id);

-- Only generate-session (service role) records attempts, so the rate limit can't be gamed.
create policy "Service role can insert generations"
on public.generations for insert to service_role
with check ((select auth.role()) = 'service_role');

-- generation_error_logs --------------------------------------------------------------------

-- Athletes read why their own attempts failed.
create policy "Users can view own error logs"
on public.generation_error_logs for select to authenticated
using ((select auth.uid()) = user_id);

-- Only the service role writes error logs.
create policy "Service role can insert error logs"
on public.generation_error_logs for insert to service_role
with check ((select auth.role()) = 'service_role');

-- events -----------------------------------------------------------------------------------

-- Athletes read their own events.
create policy "Users can view own events"
on public.events for select to authenticated
using ((select auth.uid()) = user_id);

-- Only the service role (and the lifecycle triggers, as definer) writes events.
create policy "Service role can insert events"
on public.events for insert to service_role
with check ((select auth.role()) = 'service_role');
