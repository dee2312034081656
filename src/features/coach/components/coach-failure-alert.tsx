import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import type { CoachErrorView } from '../lib/coach-quota';
import { paths } from '@/lib/paths';

export interface CoachFailureAlertProps {
  failure: CoachErrorView;
  onRetry: () => void;
  /** False while asking again cannot work (an active session, no asks left). */
  canRetry?: boolean;
  /** False where the screen already offers planning by hand next to the alert. */
  offerPlanning?: boolean;
}

/** Why the coach could not plan, with the way forward that fits the reason. */
export function CoachFailureAlert({
  failure,
  onRetry,
  canRetry = true,
  offerPlanning = true,
}: CoachFailureAlertProps) {
  const planLink = (label: string) =>
    offerPlanning ? (
      <Link to={paths.newSession.getHref('plan')} className={buttonClasses('secondary')}>
        {label}
      </Link>
    ) : null;
  return (
    <Alert tone="error">
      <p>{failure.message}</p>
      <div className="mt-3 flex flex-wrap gap-3">
        {failure.kind === 'active_session' && failure.sessionId ? (
          <Link
            to={paths.session.getHref(failure.sessionId)}
            className={buttonClasses('secondary')}
          >
            Open your active session
          </Link>
        ) : null}
        {failure.kind === 'rate_limited' ? planLink('Plan a session yourself') : null}
        {(failure.kind === 'coach_failed' || failure.kind === 'other') && canRetry ? (
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
        {failure.kind === 'coach_failed' ? planLink('Plan it yourself') : null}
      </div>
    </Alert>
  );
}
