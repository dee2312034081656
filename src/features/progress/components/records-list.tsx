import type { PersonalRecords } from '@/lib/progress-records';
import { formatCalendarDay, formatDay } from '../lib/format-day';

function Record({ title, value, detail }: { title: string; value: string; detail: string }) {
  return (
    <div className="rounded-2xl border border-slate-200 p-4 dark:border-slate-700">
      <dt className="font-semibold text-slate-700 dark:text-slate-200">{title}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value}</dd>
      <dd className="text-slate-700 dark:text-slate-200">{detail}</dd>
    </div>
  );
}

// A streak spans weeks rather than being "set on" a day.
const streakWeeks = (first: string, last: string) =>
  first === last
    ? `The week of ${formatCalendarDay(first)}`
    : `From the week of ${formatCalendarDay(first)} to the week of ${formatCalendarDay(last)}`;

const NONE = 'Complete a session to set one.';

/** Best set, best session and longest weekly streak, each with the day it was set. */
export function RecordsList({ records, timeZone }: { records: PersonalRecords; timeZone: string }) {
  const { bestSet, bestSession, longestStreak } = records;
  return (
    <section aria-labelledby="records-heading" className="flex flex-col gap-3">
      <h2 id="records-heading" className="text-xl font-bold">
        Personal records
      </h2>
      <dl className="grid gap-3 sm:grid-cols-3">
        <Record
          title="Best set"
          value={bestSet ? `${bestSet.value} reps` : '–'}
          detail={bestSet ? `Set on ${formatDay(bestSet.date, timeZone)}` : NONE}
        />
        <Record
          title="Best session"
          value={bestSession ? `${bestSession.value} reps` : '–'}
          detail={bestSession ? `Set on ${formatDay(bestSession.date, timeZone)}` : NONE}
        />
        <Record
          title="Longest streak"
          value={
            longestStreak
              ? `${longestStreak.weeks} ${longestStreak.weeks === 1 ? 'week' : 'weeks'}`
              : '–'
          }
          detail={
            longestStreak ? streakWeeks(longestStreak.firstWeek, longestStreak.lastWeek) : NONE
          }
        />
      </dl>
    </section>
  );
}
