import { CoachNote } from '@/components/coach-note';
import { SessionSets } from '@/components/session-sets';
import type { SessionRow } from '@/lib/db';
import { formatDate } from '@/lib/format-date';
import { athleteTimeZone } from '@/lib/time-zone';

/** The coach's first plan: its day, the five targets and the coach's note. */
export function FirstSessionCard({ session }: { session: SessionRow }) {
  return (
    <section
      aria-labelledby="first-session-title"
      className="flex flex-col gap-4 rounded-2xl border-2 border-sky-700 p-4 dark:border-sky-400"
    >
      <div>
        <h2 id="first-session-title" className="text-xl font-bold">
          Your first session
        </h2>
        <p className="text-slate-700 dark:text-slate-200">
          {formatDate(session.session_date, athleteTimeZone(), { weekday: 'long', month: 'long' })}{' '}
          · {session.total_reps} reps in total
        </p>
      </div>
      <SessionSets session={session} label="Target reps per set" />
      {session.ai_comment ? <CoachNote comment={session.ai_comment} /> : null}
    </section>
  );
}
