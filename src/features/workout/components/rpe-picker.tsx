const RPE_VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface RpePickerProps {
  value: number | null;
  onChange: (value: number | null) => void;
}

/** Ten large buttons; tapping the chosen one again clears it (RPE is optional). */
export function RpePicker({ value, onChange }: RpePickerProps) {
  return (
    <fieldset>
      <legend className="font-semibold">How hard was it? RPE 1–10 (optional)</legend>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        1 = very easy, 10 = nothing left.
      </p>
      <div className="mt-3 grid grid-cols-5 gap-2">
        {RPE_VALUES.map((rpe) => (
          <button
            key={rpe}
            type="button"
            aria-pressed={value === rpe}
            aria-label={`RPE ${rpe}`}
            onClick={() => onChange(value === rpe ? null : rpe)}
            className={`min-h-14 rounded-xl text-2xl font-bold focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
              value === rpe
                ? 'bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950'
                : 'bg-slate-200 text-slate-900 hover:bg-slate-300 dark:bg-slate-700 dark:text-slate-50 dark:hover:bg-slate-600'
            }`}
          >
            {rpe}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
