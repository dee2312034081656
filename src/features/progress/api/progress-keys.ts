// The progress screen's query keys, under queryRoots.sessions so any session change refreshes it.
import { queryRoots } from '@/lib/query-client';

export const progressKeys = {
  all: () => queryRoots.sessions,
  finished: () => [...queryRoots.sessions, 'progress', 'finished'] as const,
};
