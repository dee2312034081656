// First run: one question (the athlete's best set), then the coach's first session — or
// the athlete plans it by hand.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Stepper } from '@/components/ui/stepper';
import { paths } from '@/lib/paths';
import { useAskCoach } from '../api/ask-coach';
import { CoachFailureAlert } from '../components/coach-failure-alert';
import { describeCoachError, type CoachErrorView } from '../lib/coach-quota';
import { FirstSessionCard } from '../components/first-session-card';

const DEFAULT_BASELINE = 5;

export function WelcomeRoute() {
  const [baseline, setBaseline] = useState(DEFAULT_BASELINE);
  const generate = useAskCoach();
  // Computed when the error arrives: a "frees up in X" is relative to that moment.
  const [failure, setFailure] = useState<CoachErrorView | null>(null);

  if (generate.isSuccess) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">Your coach has a plan</h1>
        <FirstSessionCard session={generate.data.session} />
        <Link to={paths.dashboard.getHref()} className={buttonClasses('primary')}>
          Go to today
        </Link>
      </div>
    );
  }

  const submit = () => {
    setFailure(null);
    generate.mutate(
      { baseline_max_reps: baseline },
      { onError: (error) => setFailure(describeCoachError(error, new Date())) },
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Welcome</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-200">
          Answer one question and the coach plans your first session.
        </p>
      </div>
      <form
        className="flex flex-col gap-6"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {/* Stacked: a long question beside 80 px buttons leaves no room at 360 px. */}
        <Stepper
          label="What's the most pull-ups you can do in one set?"
          hint="A guess is fine: the coach adjusts after each session."
          value={baseline}
          onChange={setBaseline}
          min={1}
          max={60}
          size="large"
          layout="stacked"
        />
        <Button type="submit" busy={generate.isPending}>
          Get my first session
        </Button>
      </form>
      {generate.isPending ? (
        <Alert tone="info" title="The coach is planning your first session…">
          This can take up to 15 seconds.
        </Alert>
      ) : null}
      {failure ? (
        // The screen offers planning by hand just below.
        <CoachFailureAlert failure={failure} onRetry={submit} offerPlanning={false} />
      ) : null}
      <Link to={paths.newSession.getHref('plan')} className={buttonClasses('ghost')}>
        I'll plan it myself
      </Link>
    </div>
  );
}
