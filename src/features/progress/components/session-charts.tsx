// The two per-session charts: total reps and best single set, completed and failed apart.
import type { SessionPoint } from '@/lib/progress-records';
import { ChartCard } from './chart-card';
import { DataTable } from './data-table';
import { formatDay } from '../lib/format-day';
import { LineChart } from './line-chart';

function Legend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap gap-x-5 gap-y-1 text-slate-800 dark:text-slate-100"
    >
      {[
        { label: 'Completed (filled)', fill: 'currentColor' },
        { label: 'Failed (hollow)', fill: 'none' },
      ].map(({ label, fill }) => (
        <li key={label} className="flex items-center gap-2">
          <svg
            aria-hidden="true"
            viewBox="0 0 14 14"
            className="size-4 text-sky-700 dark:text-sky-300"
          >
            <circle cx={7} cy={7} r={5} stroke="currentColor" strokeWidth={2} fill={fill} />
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

function summaryOf(
  what: string,
  points: SessionPoint[],
  value: (point: SessionPoint) => number,
  timeZone: string,
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return '';
  const failed = points.filter((p) => p.status === 'failed').length;
  const count = points.length === 1 ? '1 session' : `${points.length} sessions`;
  const range =
    points.length === 1
      ? `on ${formatDay(first.session_date, timeZone)}`
      : `from ${formatDay(first.session_date, timeZone)} to ${formatDay(last.session_date, timeZone)}`;
  return (
    `${what} for ${count} ${range}: latest ${value(last)}, highest ${Math.max(...points.map(value))}` +
    `${failed > 0 ? `; ${failed} failed` : ''}.`
  );
}

function SessionChart({
  title,
  what,
  points,
  value,
  timeZone,
}: {
  title: string;
  what: string;
  points: SessionPoint[];
  value: (point: SessionPoint) => number;
  timeZone: string;
}) {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  return (
    <ChartCard title={title}>
      <LineChart
        summary={summaryOf(what, points, value, timeZone)}
        xLabels={[
          formatDay(first.session_date, timeZone, false),
          formatDay(last.session_date, timeZone, false),
        ]}
        // One step per session, in order: two sessions on one day stand side by side instead of
        // one above the other (a vertical segment that reads as a jump on that day).
        points={points.map((p, index) => ({
          key: p.id,
          x: index,
          y: value(p),
          hollow: p.status === 'failed',
        }))}
      />
      <Legend />
      <DataTable
        caption={title}
        rows={[...points].reverse()}
        rowKey={(p) => p.id}
        columns={[
          { header: 'Date', cell: (p) => formatDay(p.session_date, timeZone) },
          { header: 'Status', cell: (p) => (p.status === 'completed' ? 'Completed' : 'Failed') },
          { header: 'Reps', cell: value, numeric: true },
        ]}
      />
    </ChartCard>
  );
}

export function TotalRepsChart({ points, timeZone }: { points: SessionPoint[]; timeZone: string }) {
  return (
    <SessionChart
      title="Total reps per session"
      what="Total reps"
      points={points}
      value={(p) => p.totalReps}
      timeZone={timeZone}
    />
  );
}

export function BestSetChart({ points, timeZone }: { points: SessionPoint[]; timeZone: string }) {
  return (
    <SessionChart
      title="Best set per session"
      what="Best single set"
      points={points}
      value={(p) => p.bestSet}
      timeZone={timeZone}
    />
  );
}
