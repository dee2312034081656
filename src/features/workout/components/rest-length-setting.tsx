import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import {
  MAX_REST_SECONDS,
  MIN_REST_SECONDS,
  REST_STEP_SECONDS,
  useWorkoutStore,
} from '../stores/workout-store';
import { formatSeconds } from '../lib/format-seconds';
import { parseRestLength } from '../lib/rest-length';

/**
 * The rest between sets: the plan's length by default (set on the start screen), adjustable by
 * typing ("2:30"), by the arrow keys and by the ± buttons. A length it cannot take is refused
 * next to the field, never changed behind the athlete's back.
 */
export function RestLengthSetting() {
  const id = useId();
  const restSeconds = useWorkoutStore((s) => s.restSeconds);
  const setRestSeconds = useWorkoutStore((s) => s.setRestSeconds);
  // What is typed while the field is being edited; null shows the stored length.
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = (seconds: number) => {
    setTyped(null);
    setError(null);
    setRestSeconds(Math.min(MAX_REST_SECONDS, Math.max(MIN_REST_SECONDS, seconds)));
  };
  const commit = () => {
    if (typed === null) return;
    const parsed = parseRestLength(typed);
    if (typeof parsed === 'string') setError(parsed);
    else change(parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const steps: Record<string, number> = { ArrowUp: 1, ArrowDown: -1 };
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key in steps) {
      event.preventDefault();
      change(restSeconds + (steps[event.key] ?? 0) * REST_STEP_SECONDS);
    }
  };

  return (
    <div className="flex flex-col gap-2 rounded-xl bg-slate-100 p-3 dark:bg-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label htmlFor={id} className="flex items-center gap-2">
          Rest between sets
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            value={typed ?? formatSeconds(restSeconds)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              setTyped(event.target.value);
              setError(null);
            }}
            onBlur={commit}
            onKeyDown={onKeyDown}
            className="min-h-12 w-20 rounded-lg border-2 border-slate-400 bg-white text-center font-bold tabular-nums focus-visible:outline-3 focus-visible:outline-sky-600 aria-invalid:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:aria-invalid:border-red-300"
          />
        </label>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            aria-label={`−${REST_STEP_SECONDS} s rest`}
            disabled={restSeconds <= MIN_REST_SECONDS}
            onClick={() => change(restSeconds - REST_STEP_SECONDS)}
            className="px-3 whitespace-nowrap"
          >
            −{REST_STEP_SECONDS} s
          </Button>
          <Button
            variant="secondary"
            aria-label={`+${REST_STEP_SECONDS} s rest`}
            disabled={restSeconds >= MAX_REST_SECONDS}
            onClick={() => change(restSeconds + REST_STEP_SECONDS)}
            className="px-3 whitespace-nowrap"
          >
            +{REST_STEP_SECONDS} s
          </Button>
        </div>
      </div>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-300">
        Minutes and seconds, from {formatSeconds(MIN_REST_SECONDS)} to{' '}
        {formatSeconds(MAX_REST_SECONDS)}.
      </p>
      <p
        id={`${id}-error`}
        aria-live="polite"
        className="text-sm font-semibold text-red-800 empty:hidden dark:text-red-300"
      >
        {error ? `${error} Still ${formatSeconds(restSeconds)}.` : ''}
      </p>
    </div>
  );
}
