import { Stepper } from '@/components/ui/stepper';
import { totalReps, type Sets } from '@shared/session-model';

export interface AllSetsEditorProps {
  targets: Sets;
  done: Sets;
  onChange: (index: number, reps: number) => void;
}

/** Before the finish is final: every set stays editable, with the total beside them. */
export function AllSetsEditor({ targets, done, onChange }: AllSetsEditorProps) {
  return (
    <section aria-labelledby="all-sets-heading" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="all-sets-heading" className="text-lg font-semibold">
          Check your sets
        </h2>
        <p className="text-lg">
          Total: <strong className="tabular-nums">{totalReps(done)}</strong> reps
        </p>
      </div>
      <ul className="flex flex-col gap-2">
        {done.map((reps, index) => (
          <li key={index}>
            <Stepper
              label={`Set ${index + 1}`}
              hint={`Target ${targets[index] ?? 0}`}
              value={reps}
              onChange={(value) => onChange(index, value)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
