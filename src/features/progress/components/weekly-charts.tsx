// Week by week (Monday start, the athlete's calendar): volume and average RPE.
import type { WeekRpe, WeekVolume } from '@/lib/progress-records';
import { BarChart } from './bar-chart';
import { ChartCard } from './chart-card';
import { DataTable } from './data-table';
import { formatCalendarDay, formatRpe } from '../lib/format-day';
import { LineChart } from './line-chart';

/** About three months: enough for a trend, few enough bars to read on a phone. */
export const WEEKS_SHOWN = 12;

const weekOf = (weekStart: string) => `week of ${formatCalendarDay(weekStart)}`;

export function WeeklyVolumeChart({ weeks }: { weeks: WeekVolume[] }) {
  const shown = weeks.slice(-WEEKS_SHOWN);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return null;
  const busiest = shown.reduce((best, week) => (week.totalReps > best.totalReps ? week : best));
  const count = shown.length === 1 ? '1 week' : `the last ${shown.length} weeks`;
  const summary =
    `Reps per week over ${count}: ${last.totalReps} in the ${weekOf(last.weekStart)}, ` +
    `most ${busiest.totalReps} in the ${weekOf(busiest.weekStart)}.`;
  return (
    <ChartCard
      title="Weekly volume"
      description="Reps of all finished sessions per week, Monday to Sunday."
    >
      <BarChart
        summary={summary}
        xLabels={[
          formatCalendarDay(first.weekStart, false),
          formatCalendarDay(last.weekStart, false),
        ]}
        bars={shown.map((week) => ({ key: week.weekStart, value: week.totalReps }))}
      />
      <DataTable
        caption="Weekly volume"
        rows={[...shown].reverse()}
        rowKey={(week) => week.weekStart}
        columns={[
          { header: 'Week of', cell: (week) => formatCalendarDay(week.weekStart) },
          { header: 'Sessions', cell: (week) => week.sessions, numeric: true },
          { header: 'Reps', cell: (week) => week.totalReps, numeric: true },
        ]}
      />
    </ChartCard>
  );
}

export function RpeTrendChart({ weeks }: { weeks: WeekRpe[] }) {
  const shown = weeks.slice(-WEEKS_SHOWN);
  const first = shown[0];
  const last = shown.at(-1);
  return (
    <ChartCard
      title="Average RPE per week"
      description="How hard completed sessions felt, 1 (easy) to 10 (maximal)."
    >
      {!first || !last ? (
        <p>No RPE recorded yet. Rate your effort when you finish a session to see the trend.</p>
      ) : (
        <>
          <LineChart
            summary={
              shown.length === 1
                ? `Average RPE ${formatRpe(last.averageRpe)} in the ${weekOf(last.weekStart)}.`
                : `Average RPE per week: ${formatRpe(first.averageRpe)} in the ${weekOf(first.weekStart)}, ` +
                  `${formatRpe(last.averageRpe)} in the ${weekOf(last.weekStart)}.`
            }
            xLabels={[
              formatCalendarDay(first.weekStart, false),
              formatCalendarDay(last.weekStart, false),
            ]}
            yMin={0}
            yMax={10}
            points={shown.map((week) => ({
              key: week.weekStart,
              x: Date.parse(`${week.weekStart}T00:00:00Z`),
              y: week.averageRpe,
            }))}
          />
          <DataTable
            caption="Average RPE per week"
            rows={[...shown].reverse()}
            rowKey={(week) => week.weekStart}
            columns={[
              { header: 'Week of', cell: (week) => formatCalendarDay(week.weekStart) },
              { header: 'Sessions', cell: (week) => week.sessions, numeric: true },
              { header: 'Average RPE', cell: (week) => formatRpe(week.averageRpe), numeric: true },
            ]}
          />
        </>
      )}
    </ChartCard>
  );
}
