import { useId } from 'react';

/** RPE 1–10 as ten large toggle buttons, plus "not recorded" (RPE is optional). */
export function RpePicker({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const option = (selected: boolean) =>
    `min-h-12 rounded-xl border-2 text-lg font-bold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
      selected
        ? 'border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950'
        : 'border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'
    }`;
  return (
    <fieldset
      aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      className="flex flex-col gap-2"
    >
      <legend className="font-semibold">Effort (RPE)</legend>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-300">
        Optional: 1 = very easy, 10 = nothing left.
      </p>
      <div className="grid grid-cols-5 gap-2">
        {Array.from({ length: 10 }, (_, index) => index + 1).map((rpe) => (
          <button
            key={rpe}
            type="button"
            aria-pressed={value === rpe}
            aria-label={`RPE ${rpe}`}
            className={option(value === rpe)}
            onClick={() => onChange(rpe)}
          >
            {rpe}
          </button>
        ))}
      </div>
      {/* A quiet choice, never a filled bar: it sits right above the form's primary button. */}
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
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
