import { useId, useState } from 'react';

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

const STEP_PAGE = 5;

/** Why a typed text is refused, or null: a value out of range is never clamped silently. */
function refusal(text: string, min: number, max: number): string | null {
  if (!/^\d+$/.test(text.trim())) return `Enter a whole number from ${min} to ${max}.`;
  const parsed = Number.parseInt(text, 10);
  if (parsed > max) return `${parsed} is more than ${max}, the most allowed.`;
  if (parsed < min) return `${parsed} is less than ${min}, the least allowed.`;
  return null;
}

/**
 * A number with big − / + buttons; the value itself is a spinbutton that takes typing and the
 * keyboard (arrows, Page Up/Down, Home/End). What cannot be stored is refused next to the field.
 */
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
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  // The value changed from outside (buttons, a new set): show it and drop a stale refusal.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
    setError(null);
  }
  const set = (next: number) => {
    if (next < min || next > max) return;
    setShown(next);
    setText(String(next));
    setError(null);
    onChange(next);
  };
  const big = size === 'large';
  const buttonClass = `${big ? 'size-20 text-4xl' : 'size-14 text-3xl'} shrink-0 rounded-2xl bg-slate-200 font-bold text-slate-900 hover:bg-slate-300 focus-visible:outline-3 focus-visible:outline-sky-600 disabled:opacity-40 dark:bg-slate-700 dark:text-slate-50 dark:hover:bg-slate-600`;
  return (
    <div className="flex flex-col gap-1">
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
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            inputMode="numeric"
            value={text}
            onChange={(event) => {
              const typed = event.target.value;
              const refused = refusal(typed, min, max);
              setText(typed);
              setError(refused);
              if (!refused) {
                const parsed = Number.parseInt(typed, 10);
                setShown(parsed);
                onChange(parsed);
              }
            }}
            // Leaving a refused text shows the value that really counts, and the refusal stays.
            onBlur={() => setText(String(value))}
            onKeyDown={(event) => {
              const moves: Record<string, number> = {
                ArrowUp: value + 1,
                ArrowDown: value - 1,
                PageUp: Math.min(max, value + STEP_PAGE),
                PageDown: Math.max(min, value - STEP_PAGE),
                Home: min,
                End: max,
              };
              const next = moves[event.key];
              if (next === undefined) return;
              event.preventDefault();
              set(next);
            }}
            className={`${big ? 'w-20 text-5xl' : 'w-14 text-2xl'} rounded-lg bg-transparent text-center font-bold tabular-nums focus-visible:outline-3 focus-visible:outline-sky-600 aria-invalid:outline-3 aria-invalid:outline-red-700 dark:aria-invalid:outline-red-300`}
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
      <p
        id={`${id}-error`}
        aria-live="polite"
        className="text-right text-sm font-semibold text-red-800 empty:hidden dark:text-red-300"
      >
        {error ? `${error} Still ${value}.` : ''}
      </p>
    </div>
  );
}
