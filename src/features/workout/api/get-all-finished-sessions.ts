// Every finished session, for the finish screen's "new record" celebration.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getFinishedSessions } from '@/lib/finished-sessions';
import { workoutKeys } from './workout-keys';

export const getAllFinishedSessionsQueryOptions = () =>
  queryOptions({
    queryKey: workoutKeys.allFinished(),
    queryFn: ({ signal }) => getFinishedSessions(signal),
    // Asked right after the save: an answer from before it would miss the new session.
    staleTime: 0,
  });

export function useAllFinishedSessions() {
  return useQuery(getAllFinishedSessionsQueryOptions());
}
