import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SyncState } from '../stores/use-workout-sync';

/** Tells the athlete whether what they entered has reached the server yet. */
export function SyncStatus({
  state,
  pending,
  onRetry,
}: {
  state: SyncState;
  pending: boolean;
  onRetry: () => void;
}) {
  if (!pending) return null;
  if (state.kind === 'offline') {
    return (
      <Alert tone="warning" title="Offline — saved on this phone, will sync">
        Keep going: everything you enter is kept and saved once the connection is back.
      </Alert>
    );
  }
  if (state.kind === 'error') {
    return (
      <Alert tone="error" title="Not saved yet">
        <p>{state.message} What you entered is kept on this phone.</p>
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      </Alert>
    );
  }
  return null;
}
