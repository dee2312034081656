import { formatDate } from '@/lib/format-date';
import { athleteTimeZone } from '@/lib/time-zone';
import type { OwnNumbers } from '../lib/own-numbers';
import { useOwnNumbers } from '../lib/use-own-numbers';

/** "Last time 7 · Your best 9" beside the set being done. */
export function SetHistoryLine({
  numbers,
  index,
  className = '',
}: {
  numbers: OwnNumbers | null;
  index: number;
  className?: string;
}) {
  const set = numbers?.sets[index];
  if (!set || set.last === null) return null;
  return (
    <p className={`text-slate-700 dark:text-slate-200 ${className}`}>
      Set {index + 1} last time: <strong className="tabular-nums">{set.last}</strong>
      {set.best !== null ? (
        <>
          {' · '}your best: <strong className="tabular-nums">{set.best}</strong>
        </>
      ) : null}
    </p>
  );
}

/** Today's total against the last session's, on the finish screen. */
export function CompareWithLast({ sessionId, total }: { sessionId: string; total: number }) {
  const last = useOwnNumbers(sessionId)?.lastSession;
  if (!last) return null;
  const difference = total - last.total;
  // The total is right above: this line only says how it compares.
  const verdict =
    difference === 0
      ? 'The same total as last time'
      : `${Math.abs(difference)} ${difference > 0 ? 'more' : 'fewer'} ${Math.abs(difference) === 1 ? 'rep' : 'reps'} than last time`;
  const day = formatDate(last.date, athleteTimeZone(), { weekday: 'short', month: 'short' });
  return (
    <p className="text-lg">
      {verdict} ({last.total} on {day}).
    </p>
  );
}
