// The athlete's own coach attempts of the last 24 h (RLS scopes them): the quota is read
// from these rows rather than asked of the function.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';
import { COACH_WINDOW_MS } from '../lib/coach-quota';

export interface RecentGeneration {
  created_at: string;
  status: 'success' | 'timeout' | 'error';
}

export async function getRecentGenerations(signal?: AbortSignal): Promise<RecentGeneration[]> {
  const since = new Date(Date.now() - COACH_WINDOW_MS).toISOString();
  let query = db.from('generations').select('created_at, status').gte('created_at', since);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query;
  if (error) throw error;
  return data ?? [];
}

export const coachQueries = {
  recentGenerations: () =>
    queryOptions({
      queryKey: [...queryRoots.generations, 'last-24h'] as const,
      queryFn: ({ signal }) => getRecentGenerations(signal),
    }),
};

export const useRecentGenerations = () => useQuery(coachQueries.recentGenerations());
