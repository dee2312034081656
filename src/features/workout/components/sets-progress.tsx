import { SET_COUNT, type Sets } from '@shared/session-model';

export interface SetsProgressProps {
  targets: Sets;
  done: Sets;
  /** Sets before this index are done. */
  doneCount: number;
  /** Given: a done set's tile is a button that opens its correction. */
  onCorrect?: (index: number) => void;
}

const tileClass = 'block w-full rounded-xl p-2';
const doneClass = 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50';

/** The five sets at a glance: reps done so far, targets for the rest. */
export function SetsProgress({ targets, done, doneCount, onCorrect }: SetsProgressProps) {
  return (
    <div>
      <ol aria-label="Sets" className="grid grid-cols-5 gap-2 text-center">
        {Array.from({ length: SET_COUNT }, (_, index) => {
          const isDone = index < doneCount;
          const correctable = isDone && !!onCorrect;
          // The visible text is the start of the name (axe: label-content-name-mismatch).
          const content = (
            <>
              <span className="block text-xs">Set {index + 1}</span>{' '}
              <span className="block text-lg font-bold tabular-nums">
                {isDone ? done[index] : targets[index]}
              </span>{' '}
              <span className="sr-only">
                {isDone ? 'reps done' : 'reps planned'}
                {correctable ? '. Correct it' : ''}
              </span>
            </>
          );
          return (
            <li key={index}>
              {correctable ? (
                <button
                  type="button"
                  onClick={() => onCorrect(index)}
                  className={`${tileClass} ${doneClass} min-h-12 hover:ring-2 hover:ring-emerald-700 focus-visible:outline-3 focus-visible:outline-sky-600`}
                >
                  {content}
                </button>
              ) : (
                <span
                  className={`${tileClass} ${
                    isDone
                      ? doneClass
                      : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100'
                  }`}
                >
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {onCorrect && doneCount > 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Typed the wrong number? Tap a done set to correct it.
        </p>
      ) : null}
    </div>
  );
}
