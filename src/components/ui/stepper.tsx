import { useId } from 'react';

export interface StepperProps {
  label: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  /** Shown under the label, e.g. "target 8". */
  hint?: string;
  size?: 'normal' | 'large';
  /** 'stacked' puts the label above the buttons: for long labels on narrow phones. */
  layout?: 'inline' | 'stacked';
}

/** A number with big − / + buttons; the value itself is a spinbutton for keyboards and readers. */
export function Stepper({
  label,
  value,
  onChange,
  min = 0,
  max = 60,
  hint,
  size = 'normal',
  layout = 'inline',
}: StepperProps) {
  const id = useId();
  const set = (next: number) => onChange(Math.min(max, Math.max(min, next)));
  const big = size === 'large';
  const buttonClass = `${big ? 'size-20 text-4xl' : 'size-14 text-3xl'} shrink-0 rounded-2xl bg-slate-200 font-bold text-slate-900 hover:bg-slate-300 focus-visible:outline-3 focus-visible:outline-sky-600 disabled:opacity-40 dark:bg-slate-700 dark:text-slate-50 dark:hover:bg-slate-600`;
  return (
    <div
      className={
        layout === 'stacked'
          ? 'flex flex-col items-center gap-3 text-center'
          : 'flex items-center justify-between gap-3'
      }
    >
      <div className="min-w-0">
        <span id={`${id}-label`} className="block font-semibold">
          {label}
        </span>
        {hint ? (
          <span className="block text-sm text-slate-600 dark:text-slate-300">{hint}</span>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={buttonClass}
          aria-label={`${label}: one less`}
          disabled={value <= min}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <input
          role="spinbutton"
          aria-labelledby={`${id}-label`}
          aria-valuemin={min}
          aria-valuemax={max}
          aria-valuenow={value}
          inputMode="numeric"
          value={value}
          onChange={(event) => {
            const parsed = Number.parseInt(event.target.value, 10);
            set(Number.isNaN(parsed) ? min : parsed);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowUp') {
              event.preventDefault();
              set(value + 1);
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              set(value - 1);
            }
          }}
          className={`${big ? 'w-20 text-5xl' : 'w-14 text-2xl'} rounded-lg bg-transparent text-center font-bold tabular-nums focus-visible:outline-3 focus-visible:outline-sky-600`}
        />
        <button
          type="button"
          className={buttonClass}
          aria-label={`${label}: one more`}
          disabled={value >= max}
          onClick={() => set(value + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}
