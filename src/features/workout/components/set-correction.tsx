import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Stepper } from '@/components/ui/stepper';

export interface SetCorrectionProps {
  index: number;
  reps: number;
  onSave: (reps: number) => void;
  onCancel: () => void;
}

/** Corrects one done set; nothing changes until "Save correction". */
export function SetCorrection({ index, reps, onSave, onCancel }: SetCorrectionProps) {
  const [value, setValue] = useState(reps);
  return (
    <section
      aria-label={`Correct set ${index + 1}`}
      className="flex flex-col gap-3 rounded-xl border-2 border-sky-700 p-3 dark:border-sky-400"
    >
      <Stepper label={`Set ${index + 1} reps`} value={value} onChange={setValue} />
      <div className="grid grid-cols-2 gap-3">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => onSave(value)}>Save correction</Button>
      </div>
    </section>
  );
}
