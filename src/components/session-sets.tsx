import type { SetColumns } from '@shared/session-model';

/** The five sets as large numbers; an empty set (stored as null) shows as a dash. */
export function SessionSets({ session, label }: { session: SetColumns; label: string }) {
  const sets = [session.set_1, session.set_2, session.set_3, session.set_4, session.set_5];
  return (
    <ol aria-label={label} className="grid grid-cols-5 gap-2">
      {sets.map((reps, index) => (
        <li
          key={index}
          className="flex flex-col items-center rounded-xl bg-slate-100 py-2 dark:bg-slate-800"
        >
          <span className="text-xs text-slate-600 dark:text-slate-300">Set {index + 1}</span>
          <span className="text-2xl font-bold tabular-nums">
            {reps ?? <span aria-label="none">–</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
