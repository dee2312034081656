// The last ten completed/failed sessions, newest first: what the rest and same-day
// warnings are computed from.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db } from '@/lib/db';
import { sessionRecordFromRow, type SessionRecord } from '@shared/session-rules';
import { sessionQueries } from './session-queries';

export const RECENT_FINISHED_LIMIT = 10;

export async function getRecentFinishedSessions(signal?: AbortSignal): Promise<SessionRecord[]> {
  let query = db
    .from('sessions')
    .select('*')
    .in('status', ['completed', 'failed'])
    .order('session_date', { ascending: false })
    .limit(RECENT_FINISHED_LIMIT);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query;
  if (error) throw error;
  return data.map(sessionRecordFromRow);
}

export const getRecentFinishedSessionsQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueries.recentFinished(),
    queryFn: ({ signal }) => getRecentFinishedSessions(signal),
  });

export function useRecentFinishedSessions() {
  return useQuery(getRecentFinishedSessionsQueryOptions());
}
