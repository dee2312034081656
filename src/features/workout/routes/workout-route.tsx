// The workout, full screen: nothing to mis-tap between sets. What the athlete enters lives
// in the persisted store first, so a reload or a lost connection loses nothing.
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { isFinished, setsFromColumns } from '@shared/session-model';
import { FinishScreen } from '../components/finish-screen';
import { StartScreen } from '../components/start-screen';
import { SyncStatus } from '../components/sync-status';
import { WorkoutRunner } from '../components/workout-runner';
import { useWorkoutSync } from '../stores/use-workout-sync';
import { hasPendingChanges, useWorkoutStore } from '../stores/workout-store';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { isSessionNotFound } from '@/lib/session-queries';

export function WorkoutRoute() {
  const { id = '' } = useParams();
  const sync = useWorkoutSync();
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col">
      <header className="flex items-center justify-between gap-3 px-4 pt-4">
        <Link
          to={paths.dashboard.getHref()}
          className="inline-flex min-h-12 items-center font-semibold text-sky-800 underline-offset-4 hover:underline focus-visible:outline-3 focus-visible:outline-sky-600 dark:text-sky-300"
        >
          ← Back to today
        </Link>
        {sync.state.kind === 'saving' ? (
          <span className="text-sm text-slate-600 dark:text-slate-300">Saving…</span>
        ) : null}
      </header>
      <main id="main" className="flex flex-1 flex-col gap-4 px-4 pt-4 pb-10">
        <SyncStatus state={sync.state} pending={sync.pending} onRetry={() => void sync.retry()} />
        <WorkoutScreen id={id} offline={sync.state.kind === 'offline'} />
      </main>
    </div>
  );
}

function WorkoutScreen({ id, offline }: { id: string; offline: boolean }) {
  const workout = useWorkoutStore((s) => s.workout);
  const adopt = useWorkoutStore((s) => s.adopt);
  const discard = useWorkoutStore((s) => s.discard);
  const query = useQuery(sessionQueries.detail(id));
  const row = query.data;
  const local = workout?.sessionId === id ? workout : null;
  const otherUnsynced = !!workout && !local && hasPendingChanges(workout);
  // Finished on another device while this phone had nothing left to send.
  const finishedElsewhere =
    !!local &&
    !!row &&
    isFinished(row.status) &&
    local.phase !== 'finished' &&
    !hasPendingChanges(local);

  useEffect(() => {
    if (finishedElsewhere) discard();
  }, [finishedElsewhere, discard]);

  // Started elsewhere (or this phone was cleared): carry on from what the server has.
  useEffect(() => {
    if (!local && !otherUnsynced && row?.status === 'in_progress')
      adopt(row.id, setsFromColumns(row));
  }, [local, otherUnsynced, row, adopt]);

  if (local && !finishedElsewhere) {
    if (local.phase === 'finished' && local.outcome) {
      return (
        <FinishScreen
          sessionId={local.sessionId}
          outcome={local.outcome}
          sets={local.done}
          rpe={local.rpe}
          unsynced={hasPendingChanges(local)}
          offline={offline && hasPendingChanges(local)}
        />
      );
    }
    return <WorkoutRunner workout={local} />;
  }

  if (query.isPending) return <Spinner label="Loading the session…" />;
  if (query.isError) {
    if (isSessionNotFound(query.error)) {
      return (
        <section className="flex flex-col gap-4">
          <h1 className="text-3xl font-bold">Session not found</h1>
          <p>This session does not exist or is not yours. It may have been deleted.</p>
        </section>
      );
    }
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">Workout</h1>
        <Alert tone="error">{describeError(query.error)}</Alert>
        <Button variant="secondary" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </section>
    );
  }

  const session = query.data;
  if (isFinished(session.status)) {
    return (
      <FinishScreen
        sessionId={session.id}
        outcome={session.status === 'completed' ? 'completed' : 'failed'}
        sets={setsFromColumns(session)}
        rpe={session.rpe}
        unsynced={false}
        offline={false}
      />
    );
  }
  if (otherUnsynced) {
    return (
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold">Another workout is not saved yet</h1>
        <Alert tone="warning">
          A workout on this phone still waits to reach the server. Open it and let it sync before
          you start this one.
        </Alert>
        <Link to={paths.workout.getHref(workout.sessionId)} className="font-semibold underline">
          Open the unsaved workout
        </Link>
      </section>
    );
  }
  if (session.status === 'planned') return <StartScreen session={session} />;
  return <Spinner label="Resuming the workout…" />;
}
