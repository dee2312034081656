import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { athleteTimeZone } from '@/lib/time-zone';
import { isFinished, setsFromColumns } from '@shared/session-model';
import { useDeleteSession } from '../api/delete-session';
import { CoachBadge } from '../components/coach-badge';
import { formatSessionDate } from '../lib/format-session-date';
import { SetsSummary } from '../components/sets-summary';
import { StatusBadge } from '../components/status-badge';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { SessionNotLoaded } from '../components/session-not-loaded';

export function SessionRoute() {
  const { id = '' } = useParams();
  const timeZone = athleteTimeZone();
  const navigate = useNavigate();
  const session = useQuery(sessionQueries.detail(id));
  const remove = useDeleteSession();
  const [confirming, setConfirming] = useState(false);

  if (session.isPending) return <Spinner label="Loading the session…" />;
  if (session.isError) return <SessionNotLoaded title="Session" error={session.error} />;

  const row = session.data;
  const finished = isFinished(row.status);

  return (
    <section className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{formatSessionDate(row.session_date, timeZone)}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={row.status} />
          <CoachBadge isAiGenerated={row.is_ai_generated} isModified={row.is_modified} />
        </div>
      </div>

      <SetsSummary sets={setsFromColumns(row)} total={row.total_reps} />

      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">RPE</dt>
        <dd>{row.rpe ?? (row.status === 'completed' ? 'Not recorded' : '—')}</dd>
      </dl>

      {row.ai_comment ? (
        <figure className="rounded-xl bg-violet-50 p-4 text-violet-950 dark:bg-violet-950 dark:text-violet-50">
          <figcaption className="font-semibold">The coach says</figcaption>
          <blockquote className="mt-1">{row.ai_comment}</blockquote>
        </figure>
      ) : null}

      {finished ? (
        <p className="text-slate-700 dark:text-slate-300">
          {row.status === 'completed' ? 'Completed' : 'Failed'} sessions are part of your history
          and stay as they are.
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <Link to={paths.workout.getHref(row.id)} className={buttonClasses('primary')}>
            {row.status === 'planned' ? 'Start workout' : 'Continue workout'}
          </Link>
          <Link to={paths.editSession.getHref(row.id)} className={buttonClasses('secondary')}>
            Edit
          </Link>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      )}

      {remove.isError ? <Alert tone="error">{describeError(remove.error)}</Alert> : null}

      <ConfirmDialog
        open={confirming}
        title="Delete this session?"
        confirmLabel="Delete session"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(row.id, {
            onSuccess: () => navigate(paths.dashboard.getHref(), { replace: true }),
            onSettled: () => setConfirming(false),
          })
        }
      >
        <p>
          The session of {formatSessionDate(row.session_date, timeZone)} will be removed. This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
