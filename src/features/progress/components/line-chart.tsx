import { ChartSvg } from './chart-axes';
import { PLOT, niceMax, scale } from '../lib/chart-frame';

export interface LinePoint {
  key: string;
  /** Time (ms) or any increasing position. */
  x: number;
  y: number;
  /** Drawn as a ring instead of a dot (e.g. a failed session). */
  hollow?: boolean;
}

/**
 * Points over time joined by a line. The svg is one image with a one-sentence summary; the
 * numbers themselves are in the table beside it.
 */
export function LineChart({
  points,
  summary,
  xLabels,
  yMin = 0,
  yMax,
}: {
  points: LinePoint[];
  summary: string;
  xLabels: [string, string];
  yMin?: number;
  yMax?: number;
}) {
  const top = yMax ?? niceMax(Math.max(0, ...points.map((p) => p.y)));
  const xs = points.map((p) => p.x);
  const x = scale(Math.min(...xs), Math.max(...xs), PLOT.left + 8, PLOT.right - 8);
  const y = scale(yMin, top, PLOT.bottom, PLOT.top);
  const path = points.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
  return (
    <ChartSvg summary={summary} yMin={yMin} yMax={top} xLabels={xLabels}>
      {points.length > 1 ? (
        <polyline points={path} fill="none" stroke="currentColor" strokeWidth={2} />
      ) : null}
      {points.map((p) => (
        <circle
          key={p.key}
          cx={x(p.x)}
          cy={y(p.y)}
          r={5}
          stroke="currentColor"
          strokeWidth={2}
          className={p.hollow ? 'fill-white dark:fill-slate-950' : 'fill-current'}
        />
      ))}
    </ChartSvg>
  );
}
