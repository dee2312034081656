// The athlete's own numbers beside the workout (as strength apps show them): per set, what
// they did on that set last time and their best on it; for the finish, the last session's total.
import { chronological, type ProgressSession } from '@/lib/progress-records';
import { setsFromColumns, SET_COUNT } from '@shared/session-model';

export interface SetNumbers {
  /** Reps on this set in the last finished session; null without one (0 = not done then). */
  last: number | null;
  /** Most reps ever on this set in a completed session; null without one. */
  best: number | null;
}

export interface OwnNumbers {
  sets: SetNumbers[];
  /** The last finished session before this one, for "today against last time". */
  lastSession: { total: number; date: string } | null;
}

/** From the finished sessions, leaving out the one being trained (once saved it is among them). */
export function ownNumbers(sessions: readonly ProgressSession[], currentId: string): OwnNumbers {
  const earlier = chronological(sessions).filter((session) => session.id !== currentId);
  const last = earlier.at(-1);
  const lastSets = last ? setsFromColumns(last) : null;
  const completed = earlier.filter((session) => session.status === 'completed');
  const sets = Array.from({ length: SET_COUNT }, (_, index) => ({
    last: lastSets ? (lastSets[index] ?? 0) : null,
    best:
      completed.length > 0
        ? Math.max(...completed.map((session) => setsFromColumns(session)[index] ?? 0))
        : null,
  }));
  return {
    sets,
    lastSession: last ? { total: last.total_reps, date: last.session_date } : null,
  };
}
