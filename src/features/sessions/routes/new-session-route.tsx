import { useNavigate, useSearchParams } from 'react-router';
import { paths } from '@/lib/paths';
import { athleteTimeZone } from '@/lib/time-zone';
import { useCreateSession } from '../api/create-session';
import { SessionForm, type SessionColumns } from '../components/session-form';
import { initialFormState, type FormMode } from '../lib/session-form-model';

export function NewSessionRoute() {
  const [searchParams] = useSearchParams();
  const mode: FormMode = searchParams.get('mode') === 'log' ? 'log' : 'plan';
  const timeZone = athleteTimeZone();
  const navigate = useNavigate();
  const create = useCreateSession();

  const save = (columns: SessionColumns) => {
    // The form never offers "in progress" for a new session: the workout starts one.
    const status = columns.status === 'in_progress' ? 'planned' : columns.status;
    return create.mutateAsync({
      ...columns,
      status,
      session_date: columns.session_date ?? new Date().toISOString(),
    });
  };

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">
        {mode === 'log' ? 'Log a past session' : 'Plan a session'}
      </h1>
      <SessionForm
        key={mode}
        initial={initialFormState(mode, new Date(), timeZone)}
        timeZone={timeZone}
        submitLabel={mode === 'log' ? 'Save session' : 'Plan session'}
        save={save}
        onSaved={(session) => navigate(paths.session.getHref(session.id), { replace: true })}
      />
    </section>
  );
}
