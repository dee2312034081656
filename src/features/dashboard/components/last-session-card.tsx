import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
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
            <span className="font-semibold">{sessionDay(session.session_date)}</span>
            {' · '}
            <span>Total {session.total_reps}</span>
            {' · '}
            <span>{session.rpe === null ? 'No RPE' : `RPE ${session.rpe}`}</span>
          </p>
          <SessionSets session={session} label="Reps done per set" />
          {/* A full-width tap target: the day alone was a 17 px-tall link. */}
          <Link
            to={paths.session.getHref(session.id)}
            className={buttonClasses('secondary', 'w-full')}
          >
            Open this session
          </Link>
        </>
      ) : (
        <p className="text-slate-700 dark:text-slate-200">No completed sessions yet.</p>
      )}
    </section>
  );
}
