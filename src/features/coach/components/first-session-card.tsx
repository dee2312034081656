import type { SessionRow } from '@/lib/db';
import { formatDate } from '@/lib/format-date';
import { athleteTimeZone } from '@/lib/time-zone';

/** The coach's first plan: its day, the five targets and the coach's note. */
export function FirstSessionCard({ session }: { session: SessionRow }) {
  const sets = [session.set_1, session.set_2, session.set_3, session.set_4, session.set_5];
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
      <ol aria-label="Target reps per set" className="grid grid-cols-5 gap-2">
        {sets.map((reps, index) => (
          <li
            key={index}
            className="flex flex-col items-center rounded-xl bg-slate-100 py-2 dark:bg-slate-800"
          >
            <span className="text-xs text-slate-600 dark:text-slate-300">Set {index + 1}</span>
            <span className="text-2xl font-bold tabular-nums">{reps ?? '–'}</span>
          </li>
        ))}
      </ol>
      {session.ai_comment ? (
        <figure className="rounded-xl bg-sky-50 p-3 dark:bg-sky-950">
          <figcaption className="text-sm font-semibold text-sky-900 dark:text-sky-200">
            Coach’s note
          </figcaption>
          <blockquote className="mt-1">{session.ai_comment}</blockquote>
        </figure>
      ) : null}
    </section>
  );
}
