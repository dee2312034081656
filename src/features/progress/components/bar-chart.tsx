import { ChartAxes } from './chart-axes';
import { PLOT, VIEW_HEIGHT, VIEW_WIDTH, niceMax, scale } from '../lib/chart-frame';

export interface Bar {
  key: string;
  value: number;
}

/** One bar per entry, left to right; a summary sentence names it for screen readers. */
export function BarChart({
  bars,
  summary,
  xLabels,
}: {
  bars: Bar[];
  summary: string;
  xLabels: [string, string];
}) {
  const top = niceMax(Math.max(0, ...bars.map((bar) => bar.value)));
  const y = scale(0, top, PLOT.bottom, PLOT.top);
  const slot = (PLOT.right - PLOT.left) / Math.max(1, bars.length);
  const width = Math.max(2, slot * 0.7);
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      className="h-auto w-full text-sky-700 dark:text-sky-300"
    >
      <ChartAxes yMin={0} yMax={top} xLabels={xLabels} />
      {bars.map((bar, index) => (
        <rect
          key={bar.key}
          x={PLOT.left + index * slot + (slot - width) / 2}
          y={y(bar.value)}
          width={width}
          height={PLOT.bottom - y(bar.value)}
          rx={2}
          fill="currentColor"
        />
      ))}
    </svg>
  );
}
