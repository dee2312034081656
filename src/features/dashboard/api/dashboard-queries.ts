// One round trip for both session cards: the enum orders planned < in_progress < completed
// < failed, and at most one session is active, so the first row is the active one (if any)
// and the next completed row is the newest completed session.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { db, type SessionRow } from '@/lib/db';
import { queryRoots } from '@/lib/query-client';

const COLUMNS =
  'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe, ai_comment, is_ai_generated, is_modified';

export type DashboardSession = Pick<
  SessionRow,
  | 'id'
  | 'session_date'
  | 'status'
  | 'set_1'
  | 'set_2'
  | 'set_3'
  | 'set_4'
  | 'set_5'
  | 'total_reps'
  | 'rpe'
  | 'ai_comment'
  | 'is_ai_generated'
  | 'is_modified'
>;

export interface DashboardSessions {
  active: DashboardSession | null;
  lastCompleted: DashboardSession | null;
  /** False only for an athlete who has never had a session (first run). */
  hasAny: boolean;
}

export function toDashboardSessions(rows: readonly DashboardSession[]): DashboardSessions {
  const active = rows.find((row) => row.status === 'planned' || row.status === 'in_progress');
  return {
    active: active ?? null,
    lastCompleted: rows.find((row) => row.status === 'completed') ?? null,
    hasAny: rows.length > 0,
  };
}

export async function getDashboardSessions(signal?: AbortSignal): Promise<DashboardSessions> {
  let query = db
    .from('sessions')
    .select(COLUMNS)
    .order('status', { ascending: true })
    .order('session_date', { ascending: false })
    .limit(2);
  if (signal) query = query.abortSignal(signal);
  const { data, error } = await query;
  if (error) throw error;
  return toDashboardSessions(data ?? []);
}

export const dashboardQueries = {
  sessions: () =>
    queryOptions({
      queryKey: [...queryRoots.sessions, 'dashboard'] as const,
      queryFn: ({ signal }) => getDashboardSessions(signal),
    }),
};

export const useDashboardSessions = () => useQuery(dashboardQueries.sessions());

/** Shows a session the coach just planned as the active one, before the refetch confirms it. */
export function showPlannedSession(queryClient: QueryClient, session: DashboardSession): void {
  queryClient.setQueryData(dashboardQueries.sessions().queryKey, (old) =>
    old ? { ...old, active: session, hasAny: true } : old,
  );
}
