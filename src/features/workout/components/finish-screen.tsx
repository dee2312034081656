import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
import { paths } from '@/lib/paths';
import { totalReps, type Sets } from '@shared/session-model';
import { NewRecords } from './new-records';
import { CompareWithLast } from './own-numbers';

export interface FinishScreenProps {
  sessionId: string;
  outcome: 'completed' | 'failed';
  sets: Sets;
  rpe: number | null;
  /** Not on the server yet (records are read from there). */
  unsynced: boolean;
  /** Waiting on this phone for a connection: only then does the screen say so. */
  offline: boolean;
}

export function FinishScreen({
  sessionId,
  outcome,
  sets,
  rpe,
  unsynced,
  offline,
}: FinishScreenProps) {
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">
        {outcome === 'completed' ? 'Workout complete' : 'Workout saved as failed'}
      </h1>
      <p className="text-2xl">
        Total: <strong className="tabular-nums">{totalReps(sets)}</strong> reps
      </p>
      <CompareWithLast sessionId={sessionId} total={totalReps(sets)} />
      <p>
        Sets: {sets.map((reps) => (reps > 0 ? reps : '–')).join(' · ')}
        {rpe ? ` — RPE ${rpe}` : ''}
      </p>
      {offline ? (
        <p className="text-slate-700 dark:text-slate-200">
          Saved on this phone; it will reach your history once you are back online.
        </p>
      ) : null}
      {/* Records are read from the server, so only once this session has reached it. */}
      {outcome === 'completed' && !unsynced ? <NewRecords sessionId={sessionId} /> : null}
      <div className="flex flex-col gap-3">
        <Link to={paths.dashboard.getHref()} className={buttonClasses('primary')}>
          Back to today
        </Link>
        <Link to={paths.session.getHref(sessionId)} className={buttonClasses('secondary')}>
          See the session
        </Link>
      </div>
    </section>
  );
}
