import { Link } from 'react-router';
import type { SessionRow } from '@/lib/db';
import { paths } from '@/lib/paths';
import { setsFromColumns } from '@shared/session-model';
import { CoachBadge } from './coach-badge';
import { formatSessionDate } from '../lib/format-session-date';
import { SetsSummary } from './sets-summary';
import { StatusBadge } from './status-badge';

/** One session in the history list; the whole card opens its detail view. */
export function HistoryRow({ session, timeZone }: { session: SessionRow; timeZone: string }) {
  return (
    <Link
      to={paths.session.getHref(session.id)}
      className="flex flex-col gap-2 rounded-2xl border-2 border-slate-200 p-4 text-slate-900 hover:border-sky-700 dark:text-slate-50 focus-visible:outline-3 focus-visible:outline-sky-600 dark:border-slate-700 dark:hover:border-sky-400"
    >
      <span className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-bold">{formatSessionDate(session.session_date, timeZone)}</span>
        <StatusBadge status={session.status} />
      </span>
      <SetsSummary compact sets={setsFromColumns(session)} total={session.total_reps} />
      <span className="flex flex-wrap items-center gap-2 text-sm">
        <span>RPE {session.rpe ?? '—'}</span>
        <CoachBadge isAiGenerated={session.is_ai_generated} isModified={session.is_modified} />
      </span>
    </Link>
  );
}
