import { useId } from 'react';

const RPE_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface RpePickerProps {
  value: number | null;
  onChange: (value: number | null) => void;
  legend: string;
  hint: string;
  /**
   * How the athlete goes back to "no RPE" (it is optional): a "Not recorded" button (the
   * session form), or tapping the chosen value again (the workout's larger buttons).
   */
  clear: 'button' | 'tap-again';
  error?: string | undefined;
}

/** RPE 1–10 as ten large toggle buttons. */
export function RpePicker({ value, onChange, legend, hint, clear, error }: RpePickerProps) {
  const id = useId();
  const large = clear === 'tap-again';
  const option = (selected: boolean) =>
    large
      ? `min-h-14 rounded-xl text-2xl font-bold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
          selected
            ? 'bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950'
            : 'bg-slate-200 text-slate-900 hover:bg-slate-300 dark:bg-slate-700 dark:text-slate-50 dark:hover:bg-slate-600'
        }`
      : `min-h-12 rounded-xl border-2 text-lg font-bold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
          selected
            ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950'
            : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'
        }`;
  return (
    <fieldset
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      className="flex flex-col gap-2"
    >
      <legend className="font-semibold">{legend}</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-300">
        {hint}
      </p>
      <div className={`grid grid-cols-5 gap-2 ${large ? 'mt-1' : ''}`}>
        {RPE_VALUES.map((rpe) => (
          <button
            key={rpe}
            type="button"
            aria-pressed={value === rpe}
            aria-label={`RPE ${rpe}`}
            className={option(value === rpe)}
            onClick={() => onChange(clear === 'tap-again' && value === rpe ? null : rpe)}
          >
            {rpe}
          </button>
        ))}
      </div>
      {clear === 'button' ? (
        // A quiet choice, never a filled bar: it sits right above the form's primary button.
        <button
          type="button"
          aria-pressed={value === null}
          className={`inline-flex min-h-12 items-center gap-2 self-start rounded-xl border-2 px-4 font-semibold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
            value === null
              ? 'border-sky-700 text-sky-900 dark:border-sky-400 dark:text-sky-100'
              : 'border-transparent text-slate-700 underline hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
          }`}
          onClick={() => onChange(null)}
        >
          {value === null ? <span aria-hidden="true">✓</span> : null}
          Not recorded
        </button>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
