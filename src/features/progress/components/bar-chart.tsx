import { ChartSvg } from './chart-axes';
import { PLOT, niceMax, scale } from '../lib/chart-frame';

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
    <ChartSvg summary={summary} yMin={0} yMax={top} xLabels={xLabels}>
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
    </ChartSvg>
  );
}
