import { queryOptions, useQuery } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import { sessionQueries } from './session-queries';

export async function getSession(id: string, signal?: AbortSignal): Promise<SessionRow> {
  let query = db.from('sessions').select('*').eq('id', id);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query.single();
  if (error) throw error;
  return data;
}

export const getSessionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: sessionQueries.detail(id),
    queryFn: ({ signal }) => getSession(id, signal),
  });

export function useSessionDetail(id: string) {
  return useQuery(getSessionQueryOptions(id));
}
