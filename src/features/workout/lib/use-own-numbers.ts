import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { sessionQueries } from '@/lib/session-queries';
import { ownNumbers, type OwnNumbers } from './own-numbers';

/** The athlete's history around this session; null while loading, offline or on an error. */
export function useOwnNumbers(sessionId: string): OwnNumbers | null {
  const finished = useQuery(sessionQueries.finished()).data;
  // Sorted and scanned once per history, not on every render of the workout (each typed rep).
  return useMemo(() => (finished ? ownNumbers(finished, sessionId) : null), [finished, sessionId]);
}
