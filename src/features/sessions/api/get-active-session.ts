// The athlete's planned or in-progress session, if any (one at most: US-049).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import { sessionQueries } from './session-queries';

export type ActiveSession = Pick<SessionRow, 'id' | 'status' | 'session_date'>;

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

export const getActiveSessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueries.active(),
    queryFn: ({ signal }) => getActiveSession(signal),
  });

export function useActiveSession(enabled = true) {
  return useQuery({ ...getActiveSessionQueryOptions(), enabled });
}
