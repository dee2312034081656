// Query keys of the sessions feature, all under queryRoots.sessions so one invalidation
// refreshes every view of a session (dashboard, history, detail, workout).
import { queryRoots } from '@/lib/query-client';
import type { SessionStatus } from '@shared/session-rules';

export interface SessionListFilters {
  statuses: SessionStatus[];
  /** Calendar days 'YYYY-MM-DD' in the athlete's time zone, inclusive. */
  from: string | null;
  to: string | null;
  /** 1-based. */
  page: number;
}

export const sessionQueries = {
  all: () => queryRoots.sessions,
  lists: () => [...queryRoots.sessions, 'list'] as const,
  list: (filters: SessionListFilters) => [...queryRoots.sessions, 'list', filters] as const,
  details: () => [...queryRoots.sessions, 'detail'] as const,
  detail: (id: string) => [...queryRoots.sessions, 'detail', id] as const,
  recentFinished: () => [...queryRoots.sessions, 'recent-finished'] as const,
  active: () => [...queryRoots.sessions, 'active'] as const,
};
