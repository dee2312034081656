import { Button } from '@/components/ui/button';
import {
  MAX_REST_SECONDS,
  MIN_REST_SECONDS,
  REST_STEP_SECONDS,
  useWorkoutStore,
} from '../stores/workout-store';
import { formatSeconds } from '../lib/format-seconds';

/** The rest between sets: the plan's length by default (set on the start screen), adjustable. */
export function RestLengthSetting() {
  const restSeconds = useWorkoutStore((s) => s.restSeconds);
  const setRestSeconds = useWorkoutStore((s) => s.setRestSeconds);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-slate-100 p-3 dark:bg-slate-800">
      <p>
        Rest between sets: <strong className="tabular-nums">{formatSeconds(restSeconds)}</strong>
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          aria-label={`−${REST_STEP_SECONDS} s rest`}
          disabled={restSeconds <= MIN_REST_SECONDS}
          onClick={() => setRestSeconds(restSeconds - REST_STEP_SECONDS)}
          className="px-3 whitespace-nowrap"
        >
          −{REST_STEP_SECONDS} s
        </Button>
        <Button
          variant="secondary"
          aria-label={`+${REST_STEP_SECONDS} s rest`}
          disabled={restSeconds >= MAX_REST_SECONDS}
          onClick={() => setRestSeconds(restSeconds + REST_STEP_SECONDS)}
          className="px-3 whitespace-nowrap"
        >
          +{REST_STEP_SECONDS} s
        </Button>
      </div>
    </div>
  );
}
