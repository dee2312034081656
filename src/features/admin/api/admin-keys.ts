// The admin screen's query keys, under the sessions root: any session change refreshes them.
import { queryRoots } from '@/lib/query-client';

export const adminKeys = {
  metrics: () => [...queryRoots.sessions, 'admin-metrics'] as const,
};
