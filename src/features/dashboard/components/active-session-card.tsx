import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
import { paths } from '@/lib/paths';
import type { DashboardSession } from '../api/dashboard-queries';
import { sessionDay } from '../lib/session-day';
import { CoachNote } from '@/components/coach-note';
import { SessionSets } from '@/components/session-sets';

/** The planned or in-progress session, with the one thing to do next. */
export function ActiveSessionCard({ session }: { session: DashboardSession }) {
  const inProgress = session.status === 'in_progress';
  return (
    <section
      aria-labelledby="active-session-title"
      className="flex flex-col gap-4 rounded-2xl border-2 border-sky-700 p-4 dark:border-sky-400"
    >
      <div>
        <h2 id="active-session-title" className="text-xl font-bold">
          {inProgress ? 'Workout in progress' : 'Next session'}
        </h2>
        <p className="text-slate-700 dark:text-slate-200">
          {sessionDay(session.session_date)} · {session.total_reps} reps planned
          {session.is_ai_generated
            ? ` · by the coach${session.is_modified ? ', modified' : ''}`
            : ''}
        </p>
      </div>
      <SessionSets session={session} label="Target reps per set" />
      {session.ai_comment ? <CoachNote comment={session.ai_comment} /> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link to={paths.workout.getHref(session.id)} className={buttonClasses('primary', 'flex-1')}>
          {inProgress ? 'Continue workout' : 'Start workout'}
        </Link>
        <Link
          to={paths.session.getHref(session.id)}
          className={buttonClasses('secondary', 'flex-1')}
        >
          Details
        </Link>
      </div>
    </section>
  );
}
