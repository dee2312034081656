import { useId } from 'react';
import { formatNumber, humanize } from '../lib/format-metric';

const ROW = 28;
const LABEL_WIDTH = 170;
const WIDTH = 320;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 40;

/**
 * Events per type as horizontal bars in plain SVG (no chart library for one small chart).
 * The SVG is decoration for sighted users; the table below it carries the same numbers.
 */
export function EventsChart({ events }: { events: Record<string, number> }) {
  const captionId = useId();
  const rows = Object.entries(events).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (rows.length === 0) return <p>No events in the last 30 days.</p>;
  const max = Math.max(...rows.map(([, count]) => count), 1);
  const height = rows.length * ROW;

  return (
    <figure aria-labelledby={captionId} className="flex flex-col gap-3">
      <figcaption id={captionId} className="font-semibold">
        Events per type, last 30 days
      </figcaption>
      <svg
        aria-hidden="true"
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full text-slate-900 dark:text-slate-100"
      >
        {rows.map(([type, count], index) => {
          const y = index * ROW;
          const width = Math.max((count / max) * BAR_SPACE, count > 0 ? 2 : 0);
          return (
            <g key={type}>
              <text
                x={LABEL_WIDTH - 6}
                y={y + ROW / 2}
                dominantBaseline="middle"
                textAnchor="end"
                fontSize="11"
                fill="currentColor"
              >
                {humanize(type)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 5}
                width={width}
                height={ROW - 10}
                rx="3"
                className="fill-sky-700 dark:fill-sky-400"
              />
              <text
                x={LABEL_WIDTH + width + 4}
                y={y + ROW / 2}
                dominantBaseline="middle"
                fontSize="11"
                fill="currentColor"
              >
                {formatNumber(count)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Events per type, last 30 days</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-2">
              Event
            </th>
            <th scope="col" className="py-1 text-right">
              Count
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([type, count]) => (
            <tr key={type} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-2 font-normal break-all">
                {humanize(type)}
              </th>
              <td className="py-1 text-right tabular-nums">{formatNumber(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
