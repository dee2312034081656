// Completed/failed sessions of the last two days: enough for the 24 h rest rule and for
// "same calendar day" in any time zone.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db } from '@/lib/db';
import { sessionRecordFromRow, type SessionRecord } from '@shared/session-rules';
import { workoutKeys } from './workout-keys';

const WINDOW_MS = 48 * 60 * 60 * 1000;

export async function getRecentFinishedSessions(
  now: Date,
  signal?: AbortSignal,
): Promise<SessionRecord[]> {
  let query = db
    .from('sessions')
    .select('*')
    .in('status', ['completed', 'failed'])
    .gte('session_date', new Date(now.getTime() - WINDOW_MS).toISOString())
    .order('session_date', { ascending: false })
    .limit(20);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query;
  if (error) throw error;
  return data.map(sessionRecordFromRow);
}

export const getRecentFinishedSessionsQueryOptions = () =>
  queryOptions({
    queryKey: workoutKeys.recentFinished(),
    queryFn: ({ signal }) => getRecentFinishedSessions(new Date(), signal),
    // The warning is about "now": never start from an old answer.
    staleTime: 0,
  });

export function useRecentFinishedSessions() {
  return useQuery(getRecentFinishedSessionsQueryOptions());
}
