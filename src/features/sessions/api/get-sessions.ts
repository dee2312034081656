// History (seed query 3): the athlete's sessions newest first, filtered by status and by a
// date range in their own time zone, one page of ten with the exact total for "page N of M".
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import { athleteTimeZone } from '@/lib/time-zone';
import { zonedDayToInstant } from '@shared/session-rules';
import { sessionQueries, type SessionListFilters } from './session-queries';

export const HISTORY_PAGE_SIZE = 10;

export interface SessionPage {
  rows: SessionRow[];
  /** Sessions matching the filters on all pages; null when the page lies past the end. */
  total: number | null;
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

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

export const getSessionsQueryOptions = (filters: SessionListFilters) =>
  queryOptions({
    queryKey: sessionQueries.list(filters),
    queryFn: ({ signal }) => getSessions(filters, signal),
    placeholderData: keepPreviousData,
  });

export function useSessions(filters: SessionListFilters) {
  return useQuery(getSessionsQueryOptions(filters));
}
