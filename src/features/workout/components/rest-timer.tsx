import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatSeconds } from '../lib/format-seconds';
import { clearRestAlert, scheduleRestAlert, showRestAlert } from '../lib/rest-alert';
import { signalRestOver } from '../lib/rest-signal';

export interface RestTimerProps {
  endsAt: number;
  /** The full length, for the progress bar. */
  totalSeconds: number;
  /** What the notification says comes next, e.g. "Set 2 of 5: target 7 reps". */
  next: string;
  onAddTime: () => void;
  onOver: () => void;
}

/** A big countdown; the end is computed from a timestamp, so a reload does not restart it. */
export function RestTimer({ endsAt, totalSeconds, next, onAddTime, onOver }: RestTimerProps) {
  const [now, setNow] = useState(() => Date.now());
  // A rest that ran out while the app was closed ends quietly.
  const [expiredOnArrival] = useState(() => endsAt <= Date.now());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    // Back from the background (where timers are throttled): the true time at once.
    const onVisible = () => setNow(Date.now());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(tick);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  // Scheduled ahead where the browser can; a skipped or lengthened rest takes its alert back.
  useEffect(() => {
    if (endsAt <= Date.now()) return;
    void scheduleRestAlert(endsAt, next).catch(() => undefined);
    return () => {
      if (endsAt > Date.now()) void clearRestAlert().catch(() => undefined);
    };
  }, [endsAt, next]);

  const remaining = Math.max(0, Math.ceil((endsAt - now) / 1000));
  useEffect(() => {
    if (remaining > 0) return;
    if (!expiredOnArrival) {
      signalRestOver();
      // Hidden: the notification tells; on screen, a scheduled one would only repeat it.
      const alert = document.visibilityState === 'visible' ? clearRestAlert() : showRestAlert(next);
      void alert.catch(() => undefined);
    }
    onOver();
  }, [remaining, onOver, expiredOnArrival, next]);

  const share = totalSeconds > 0 ? Math.min(1, remaining / totalSeconds) : 0;
  return (
    <div className="flex flex-col items-center gap-6">
      <p
        role="timer"
        aria-label={`Rest: ${formatSeconds(remaining)} left`}
        className="text-8xl font-bold tabular-nums"
      >
        {formatSeconds(remaining)}
      </p>
      <div
        aria-hidden="true"
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className="h-full rounded-full bg-sky-700 motion-safe:transition-[width] motion-safe:duration-300 dark:bg-sky-400"
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <div className="grid w-full grid-cols-2 gap-3">
        <Button variant="secondary" onClick={onAddTime}>
          +15 s
        </Button>
        <Button onClick={onOver}>Skip rest</Button>
      </div>
    </div>
  );
}
