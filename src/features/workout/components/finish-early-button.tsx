import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export interface FinishEarlyButtonProps {
  totalDone: number;
  setsDone: number;
  onConfirm: () => void;
}

/** Stopping is always possible, never by accident: it asks first. */
export function FinishEarlyButton({ totalDone, setsDone, onConfirm }: FinishEarlyButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" className="w-full" onClick={() => setOpen(true)}>
        Finish early (failed)
      </Button>
      <ConfirmDialog
        open={open}
        title="Finish early?"
        confirmLabel="Finish as failed"
        cancelLabel="Keep training"
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      >
        <p>
          The session is saved as failed with what you did: {setsDone}{' '}
          {setsDone === 1 ? 'set' : 'sets'}, {totalDone} {totalDone === 1 ? 'rep' : 'reps'}.
        </p>
      </ConfirmDialog>
    </>
  );
}
