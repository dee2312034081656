-- session_date is a finite date between 2000-01-01 and 2100-01-01 (UTC).
--
-- Before this, a completed session could be dated '-infinity', 'infinity' or '0044-01-01 BC'
-- (the trigger only bounds how far ahead a session is planned, and only relative to now).
-- Such a row broke every reader that turns the date into a calendar date: the export and the
-- coach answered 500 for that athlete from then on. The bounds, and why these:
--   * finite, and representable as an ISO 8601 date with a four-digit year, which every
--     client (JavaScript's Date, spreadsheets reading the CSV export) handles;
--   * from 2000: an athlete logs sessions they trained, and a pull-up log older than a
--     quarter of a century is not one this app imports; a year typed as 0025 or 1025 is
--     refused instead of sorting the history wrong;
--   * before 2100: far past the trigger's 30-days-ahead limit, so it never decides anything
--     the trigger does not, yet it also holds for rows the trigger does not re-check.
-- A plain CHECK (validated): the database then holds no row outside the bounds. If a deploy
-- stops here, the offending rows are:
--   select id, user_id, session_date from public.sessions
--   where not (session_date >= '2000-01-01 00:00:00+00' and session_date < '2100-01-01 00:00:00+00');

alter table public.sessions
  add constraint sessions_session_date_range
  check (session_date >= '2000-01-01 00:00:00+00' and session_date < '2100-01-01 00:00:00+00');

comment on constraint sessions_session_date_range on public.sessions is
  'A finite training date from 2000-01-01 to before 2100-01-01 (UTC).';
