import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { askQuota, atSlotTime, describeCoachError, type CoachErrorView } from '../lib/coach-quota';
import { paths } from '@/lib/paths';
import { formatWait } from '@shared/format-wait';
import type { GenerateSessionResponse } from '@shared/function-responses';
import { useAskCoach } from '../api/ask-coach';
import type { RecentGeneration } from '../api/coach-queries';
import { CoachFailureAlert } from './coach-failure-alert';

/** The current time, refreshed every half minute so a freed slot shows up without a reload. */
function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export interface CoachCardProps {
  hasActiveSession: boolean;
  generations: readonly RecentGeneration[];
  /** The coach's new session, as soon as it arrives (before the refetch confirms it). */
  onPlanned?: (response: GenerateSessionResponse) => void;
}

export function CoachCard({ hasActiveSession, generations, onPlanned }: CoachCardProps) {
  const now = useNow();
  const quota = askQuota(generations, now);
  const ask = useAskCoach(onPlanned ? { onPlanned } : {});
  const navigate = useNavigate();
  const reasonId = useId();
  // Computed when the error arrives: a "frees up in X" is relative to that moment.
  const [failure, setFailure] = useState<CoachErrorView | null>(null);

  const blockedReason = hasActiveSession
    ? 'Finish or delete your active session before asking the coach for another.'
    : quota.remaining === 0 && quota.nextSlotAt
      ? `No asks left: the next frees up ${atSlotTime(quota.nextSlotAt, now)}.`
      : null;

  const onAsk = () => {
    setFailure(null);
    ask.mutate(
      {},
      {
        onError: (error) => {
          const view = describeCoachError(error, new Date());
          if (view.kind === 'baseline_required') {
            navigate(paths.welcome.getHref());
            return;
          }
          setFailure(view);
        },
      },
    );
  };

  return (
    <section
      aria-labelledby="coach-title"
      className="flex flex-col gap-3 rounded-2xl border border-slate-300 p-4 dark:border-slate-600"
    >
      <h2 id="coach-title" className="text-lg font-bold">
        The coach
      </h2>
      <div>
        <p className="font-semibold">
          AI asks left: {quota.remaining} of {quota.limit}
        </p>
        {quota.remaining === 0 && quota.nextSlotAt ? (
          <p className="text-slate-700 dark:text-slate-200">
            Next frees up {atSlotTime(quota.nextSlotAt, now)} (in{' '}
            {formatWait((quota.nextSlotAt.getTime() - now.getTime()) / 1000)})
          </p>
        ) : null}
      </div>
      <Button
        onClick={onAsk}
        busy={ask.isPending}
        disabled={blockedReason !== null}
        aria-describedby={blockedReason ? reasonId : undefined}
      >
        Ask the coach
      </Button>
      {blockedReason ? (
        <p id={reasonId} className="text-sm text-slate-700 dark:text-slate-200">
          {blockedReason}
        </p>
      ) : null}
      {ask.isPending ? (
        <Alert tone="info" title="The coach is planning your next session…">
          This can take up to 15 seconds.
        </Alert>
      ) : null}
      {ask.isSuccess && !failure ? (
        <Alert tone="success" title="The coach planned your next session.">
          Its plan and note are in the card above.
        </Alert>
      ) : null}
      {failure ? (
        <CoachFailureAlert failure={failure} onRetry={onAsk} canRetry={!blockedReason} />
      ) : null}
    </section>
  );
}
