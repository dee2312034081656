// The one data layer for the athlete's sessions: every screen that shows a session (history,
// detail, form, workout, progress) reads it through these queryOptions, so each piece of data
// has one cache key, all under queryRoots.sessions: one invalidation refreshes every view.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import type { ProgressSession } from '@/lib/progress-records';
import { queryRoots } from '@/lib/query-client';
import { athleteTimeZone } from '@/lib/time-zone';
import {
  sessionRecordFromRow,
  type SessionRecord,
  type SessionStatus,
} from '@shared/session-model';
import { zonedDayToInstant } from '@shared/calendar-days';

export interface SessionListFilters {
  statuses: SessionStatus[];
  /** Calendar days 'YYYY-MM-DD' in the athlete's time zone, inclusive. */
  from: string | null;
  to: string | null;
  /** 1-based. */
  page: number;
}

export const HISTORY_PAGE_SIZE = 10;

export interface SessionPage {
  rows: SessionRow[];
  /** Sessions matching the filters on all pages; null when the page lies past the end. */
  total: number | null;
}

export type ActiveSession = Pick<SessionRow, 'id' | 'status' | 'session_date'>;

/** PostgREST caps a response (1000 rows on Supabase), so a long history comes in pages. */
export const FINISHED_PAGE_SIZE = 1000;

const FINISHED_COLUMNS =
  'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe';

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** History: newest first, by status and local date range, one page with the exact total. */
export async function getSessions(
  filters: SessionListFilters,
  signal?: AbortSignal,
  timeZone = athleteTimeZone(),
): Promise<SessionPage> {
  const offset = (filters.page - 1) * HISTORY_PAGE_SIZE;
  let query = db.from('sessions').select('*', { count: 'exact' });
  if (filters.statuses.length > 0) query = query.in('status', filters.statuses);
  // A day runs from its local midnight to the next one's, so "to" includes the whole day.
  if (filters.from) {
    query = query.gte('session_date', zonedDayToInstant(filters.from, timeZone, 0).toISOString());
  }
  if (filters.to) {
    query = query.lt(
      'session_date',
      zonedDayToInstant(nextDay(filters.to), timeZone, 0).toISOString(),
    );
  }
  query = query
    .order('session_date', { ascending: false })
    .order('created_at', { ascending: false })
    .range(offset, offset + HISTORY_PAGE_SIZE - 1);
  if (signal) query = query.abortSignal(signal);
  const { data, error, count } = await query;
  // PostgREST answers a page past the end with 416 / PGRST103: an empty page, not a failure.
  if (error?.code === 'PGRST103') return { rows: [], total: null };
  if (error) throw error;
  return { rows: data, total: count ?? data.length };
}

/** One session by id (RLS limits it to the athlete's own). */
export async function getSession(id: string, signal?: AbortSignal): Promise<SessionRow> {
  let query = db.from('sessions').select('*').eq('id', id);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query.single();
  if (error) throw error;
  return data;
}

/** PostgREST's "no row" (and a malformed id): the session is not there for this athlete. */
export function isSessionNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'PGRST116' || code === '22P02';
}

/** The planned or in-progress session, if any (the database allows one at most). */
export async function getActiveSession(signal?: AbortSignal): Promise<ActiveSession | null> {
  let query = db
    .from('sessions')
    .select('id, status, session_date')
    .in('status', ['planned', 'in_progress'])
    .order('created_at', { ascending: false })
    .limit(1);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query.maybeSingle();
  if (error) throw error;
  return data;
}

/** Every finished session, oldest first, with the columns the charts and records read. */
export async function getFinishedSessions(signal?: AbortSignal): Promise<ProgressSession[]> {
  const sessions: ProgressSession[] = [];
  for (let from = 0; ; from += FINISHED_PAGE_SIZE) {
    let query = db
      .from('sessions')
      .select(FINISHED_COLUMNS)
      .in('status', ['completed', 'failed'])
      .order('session_date', { ascending: true })
      // A unique tie-breaker keeps the pages from overlapping or skipping a row.
      .order('id', { ascending: true })
      .range(from, from + FINISHED_PAGE_SIZE - 1);
    if (signal) query = query.abortSignal(signal);
    const { data, error } = await query;
    // A page past the end (416 / PGRST103) just means the last page was exactly full.
    if (error?.code === 'PGRST103') return sessions;
    if (error) throw error;
    for (const row of data) {
      if (row.status === 'completed' || row.status === 'failed')
        sessions.push({ ...row, status: row.status });
    }
    if (data.length < FINISHED_PAGE_SIZE) return sessions;
  }
}

/**
 * Finished sessions dated from `since` on, newest first: what the rest (24 h) and same-day
 * warnings are computed from.
 */
export async function getFinishedSessionsSince(
  since: string,
  signal?: AbortSignal,
): Promise<SessionRecord[]> {
  let query = db
    .from('sessions')
    .select('*')
    .in('status', ['completed', 'failed'])
    .gte('session_date', since)
    .order('session_date', { ascending: false });
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query;
  if (error) throw error;
  return data.map(sessionRecordFromRow);
}

/**
 * The start of the window the warnings about `date` need: two days before its local midnight,
 * enough for the 24 h rest rule and for "the same calendar day" in any time zone. A day, not
 * an instant, so screens opened within the same day share one cache entry.
 */
export function warningWindowStart(date: Date): string {
  const start = new Date(date);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - 2);
  return start.toISOString();
}

export const sessionQueries = {
  lists: () => [...queryRoots.sessions, 'list'] as const,
  list: (filters: SessionListFilters) =>
    queryOptions({
      queryKey: [...sessionQueries.lists(), filters] as const,
      queryFn: ({ signal }) => getSessions(filters, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'detail', id] as const,
      queryFn: ({ signal }) => getSession(id, signal),
    }),
  active: () =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'active'] as const,
      queryFn: ({ signal }) => getActiveSession(signal),
    }),
  finished: () =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'finished'] as const,
      queryFn: ({ signal }) => getFinishedSessions(signal),
    }),
  /** `since`: an ISO date-time, from warningWindowStart. */
  finishedSince: (since: string) =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'finished-since', since] as const,
      queryFn: ({ signal }) => getFinishedSessionsSince(since, signal),
      // The warnings are about "now": never start from an old answer.
      staleTime: 0,
    }),
};
