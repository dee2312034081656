import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button-classes';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';
import { athleteTimeZone } from '@/lib/time-zone';
import { isFinished } from '@shared/session-model';
import { CoachBadge } from '../components/coach-badge';
import { SessionForm, type SessionColumns } from '../components/session-form';
import { formStateFromRow } from '../lib/session-form-model';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { useUpdateSession } from '@/lib/update-session';
import { SessionNotLoaded } from '../components/session-not-loaded';

export function EditSessionRoute() {
  const { id = '' } = useParams();
  const timeZone = athleteTimeZone();
  const navigate = useNavigate();
  const session = useQuery(sessionQueries.detail(id));
  const update = useUpdateSession({ awaitRefresh: true });

  if (session.isPending) return <Spinner label="Loading the session…" />;
  if (session.isError) return <SessionNotLoaded title="Edit session" error={session.error} />;

  const row = session.data;
  if (isFinished(row.status)) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">Edit session</h1>
        <Alert tone="info" title="This session is read-only">
          Completed and failed sessions are part of your history and cannot be changed.
        </Alert>
        <Link to={paths.session.getHref(row.id)} className={buttonClasses('secondary')}>
          Back to the session
        </Link>
      </section>
    );
  }

  const save = (columns: SessionColumns) => update.mutateAsync({ id: row.id, patch: columns });

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Edit session</h1>
      {row.is_ai_generated ? (
        <>
          <CoachBadge isAiGenerated isModified={row.is_modified} />
          {row.is_modified ? null : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Changing the coach&apos;s plan marks it as changed by you.
            </p>
          )}
        </>
      ) : null}
      <SessionForm
        key={row.id}
        initial={formStateFromRow(row, timeZone)}
        timeZone={timeZone}
        existing={{ id: row.id, status: row.status, session_date: row.session_date }}
        submitLabel="Save changes"
        save={save}
        onSaved={(saved) => navigate(paths.session.getHref(saved.id), { replace: true })}
      />
    </section>
  );
}
