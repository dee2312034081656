import { SET_COUNT, type Sets } from '@shared/session-model';

export interface SetsProgressProps {
  targets: Sets;
  done: Sets;
  /** Sets before this index are done. */
  doneCount: number;
}

/** The five sets at a glance: reps done so far, targets for the rest. */
export function SetsProgress({ targets, done, doneCount }: SetsProgressProps) {
  return (
    <ol aria-label="Sets" className="grid grid-cols-5 gap-2 text-center">
      {Array.from({ length: SET_COUNT }, (_, index) => {
        const isDone = index < doneCount;
        return (
          <li
            key={index}
            className={`rounded-xl p-2 ${
              isDone
                ? 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50'
                : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100'
            }`}
          >
            <span className="block text-xs">Set {index + 1}</span>
            <span className="block text-lg font-bold tabular-nums">
              {isDone ? done[index] : targets[index]}
            </span>
            <span className="sr-only">{isDone ? 'reps done' : 'reps planned'}</span>
          </li>
        );
      })}
    </ol>
  );
}
