import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { ownNumbers, type OwnNumbers } from './own-numbers';

/** The athlete's history around this session; null while loading, offline or on an error. */
export function useOwnNumbers(sessionId: string): OwnNumbers | null {
  const finished = useQuery(sessionQueries.finished());
  return finished.data ? ownNumbers(finished.data, sessionId) : null;
}
