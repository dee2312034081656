// The session being trained, by id (RLS limits it to the athlete's own).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import { workoutKeys } from './workout-keys';

export async function getWorkoutSession(id: string, signal?: AbortSignal): Promise<SessionRow> {
  let query = db.from('sessions').select('*').eq('id', id);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query.single();
  if (error) throw error;
  return data;
}

export const getWorkoutSessionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: workoutKeys.session(id),
    queryFn: ({ signal }) => getWorkoutSession(id, signal),
  });

export function useWorkoutSession(id: string) {
  return useQuery(getWorkoutSessionQueryOptions(id));
}

/** PostgREST's "no row" (and a malformed id): the session is not there for this athlete. */
export function isSessionNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'PGRST116' || code === '22P02';
}
