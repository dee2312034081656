import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SET_COUNT } from '@shared/session-model';

export interface FinishEarlyButtonProps {
  totalDone: number;
  setsDone: number;
  onConfirm: () => void;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Stopping is always possible, never by accident: it asks first. With every set done the
 * workout finishes as completed, so failing it is worded as the deliberate choice it is.
 */
export function FinishEarlyButton({ totalDone, setsDone, onConfirm }: FinishEarlyButtonProps) {
  const [open, setOpen] = useState(false);
  const allDone = setsDone >= SET_COUNT;
  return (
    <>
      <Button variant="ghost" className="w-full" onClick={() => setOpen(true)}>
        {allDone ? 'Save as failed instead…' : 'Finish early (failed)'}
      </Button>
      <ConfirmDialog
        open={open}
        title={allDone ? 'Save this workout as failed?' : 'Finish early?'}
        confirmLabel={allDone ? 'Save as failed' : 'Finish as failed'}
        cancelLabel={allDone ? 'Go back' : 'Keep training'}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      >
        {allDone ? (
          <p>
            You did all {SET_COUNT} sets ({count(totalDone, 'rep', 'reps')}). Failed means you could
            not do the workout as planned: it will not count as completed, and a finished session
            cannot be changed afterwards.
          </p>
        ) : (
          <p>
            The session is saved as failed with what you did: {count(setsDone, 'set', 'sets')},{' '}
            {count(totalDone, 'rep', 'reps')}.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
