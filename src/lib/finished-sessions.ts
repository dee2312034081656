// Every finished (completed or failed) session of the athlete, oldest first, with only the
// columns the progress charts and records read. Shared by the progress screen and the
// workout's finish screen (its new-record message). PostgREST caps a response (1000 rows on
// Supabase), so a long history comes in pages.
import { db } from '@/lib/db';
import type { ProgressSession } from '@/lib/progress-records';

export const FINISHED_PAGE_SIZE = 1000;

const COLUMNS = 'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe';

export async function getFinishedSessions(signal?: AbortSignal): Promise<ProgressSession[]> {
  const sessions: ProgressSession[] = [];
  for (let from = 0; ; from += FINISHED_PAGE_SIZE) {
    let query = db
      .from('sessions')
      .select(COLUMNS)
      .in('status', ['completed', 'failed'])
      .order('session_date', { ascending: true })
      // A unique tie-breaker keeps the pages from overlapping or skipping a row.
      .order('id', { ascending: true })
      .range(from, from + FINISHED_PAGE_SIZE - 1);
    if (signal) query = query.abortSignal(signal);
    const { data, error } = await query;
    // A page past the end (416 / PGRST103) just means the last page was exactly full.
    if (error?.code === 'PGRST103') return sessions;
    if (error) throw error;
    for (const row of data) {
      if (row.status === 'completed' || row.status === 'failed')
        sessions.push({ ...row, status: row.status });
    }
    if (data.length < FINISHED_PAGE_SIZE) return sessions;
  }
}
