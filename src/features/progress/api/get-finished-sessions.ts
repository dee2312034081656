import { queryOptions, useQuery } from '@tanstack/react-query';
import { getFinishedSessions } from '@/lib/finished-sessions';
import { progressKeys } from './progress-keys';

export const getFinishedSessionsQueryOptions = () =>
  queryOptions({
    queryKey: progressKeys.finished(),
    queryFn: ({ signal }) => getFinishedSessions(signal),
  });

export function useFinishedSessions() {
  return useQuery(getFinishedSessionsQueryOptions());
}
