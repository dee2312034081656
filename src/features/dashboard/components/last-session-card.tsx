import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import type { DashboardSession } from '../api/dashboard-queries';
import { sessionDay } from '../lib/session-day';
import { SessionSets } from '@/components/session-sets';

export function LastSessionCard({ session }: { session: DashboardSession | null }) {
  return (
    <section
      aria-labelledby="last-session-title"
      className="flex flex-col gap-3 rounded-2xl border border-slate-300 p-4 dark:border-slate-600"
    >
      <h2 id="last-session-title" className="text-lg font-bold">
        Last completed session
      </h2>
      {session ? (
        <>
          <p className="text-slate-700 dark:text-slate-200">
            <Link
              to={paths.session.getHref(session.id)}
              className="font-semibold text-sky-800 underline underline-offset-4 dark:text-sky-300"
            >
              {sessionDay(session.session_date)}
            </Link>
            {' · '}
            <span>Total {session.total_reps}</span>
            {' · '}
            <span>{session.rpe === null ? 'No RPE' : `RPE ${session.rpe}`}</span>
          </p>
          <SessionSets session={session} label="Reps done per set" />
        </>
      ) : (
        <p className="text-slate-700 dark:text-slate-200">No completed sessions yet.</p>
      )}
    </section>
  );
}
