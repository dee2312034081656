// Every finished session (only the columns the records read), for the finish screen's
// "new record" celebration. PostgREST caps a response at 1000 rows, so it reads in pages.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { db } from '@/lib/db';
import type { ProgressSession } from '@/lib/progress-records';
import { workoutKeys } from './workout-keys';

const PAGE_SIZE = 1000;
const COLUMNS = 'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe';

export async function getAllFinishedSessions(signal?: AbortSignal): Promise<ProgressSession[]> {
  const sessions: ProgressSession[] = [];
  for (let from = 0; ; from += PAGE_SIZE) {
    let query = db
      .from('sessions')
      .select(COLUMNS)
      .in('status', ['completed', 'failed'])
      .order('session_date', { ascending: true })
      .order('id', { ascending: true })
      .range(from, from + PAGE_SIZE - 1);
    if (signal) query = query.abortSignal(signal);
    const { data, error } = await query;
    if (error?.code === 'PGRST103') return sessions; // the last page was exactly full
    if (error) throw error;
    for (const row of data) {
      if (row.status === 'completed' || row.status === 'failed')
        sessions.push({ ...row, status: row.status });
    }
    if (data.length < PAGE_SIZE) return sessions;
  }
}

export const getAllFinishedSessionsQueryOptions = () =>
  queryOptions({
    queryKey: workoutKeys.allFinished(),
    queryFn: ({ signal }) => getAllFinishedSessions(signal),
    // Asked right after the save: an answer from before it would miss the new session.
    staleTime: 0,
  });

export function useAllFinishedSessions() {
  return useQuery(getAllFinishedSessionsQueryOptions());
}
