import type { Sets } from '@shared/session-model';

/** The five sets in a row ("–" for a set not done) and their total. */
export function SetsSummary({
  sets,
  total,
  compact = false,
}: {
  sets: Sets;
  total: number;
  compact?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-900 dark:text-slate-50">
      <ol aria-label="Sets" className="flex gap-1">
        {sets.map((reps, index) => (
          <li
            key={index}
            aria-label={`Set ${index + 1}: ${reps > 0 ? `${reps} reps` : 'not done'}`}
            className={`${compact ? 'min-w-8 px-1 py-0.5 text-sm' : 'min-w-11 px-2 py-2 text-lg'} rounded-lg bg-slate-100 text-center font-bold tabular-nums dark:bg-slate-800`}
          >
            {reps > 0 ? reps : '–'}
          </li>
        ))}
      </ol>
      <p className={compact ? 'text-sm' : 'text-lg'}>
        Total <span className="font-bold tabular-nums">{total}</span>
      </p>
    </div>
  );
}
