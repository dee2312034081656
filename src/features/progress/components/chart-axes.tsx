import type { ReactNode } from 'react';
import { LABEL_SIZE, PLOT, scale, VIEW_HEIGHT, VIEW_WIDTH } from '../lib/chart-frame';

const labelClass = 'fill-slate-700 dark:fill-slate-200';

/** Horizontal grid lines with their values, and the first/last labels under the x axis. */
export function ChartAxes({
  yMin,
  yMax,
  xLabels,
}: {
  yMin: number;
  yMax: number;
  xLabels: [first: string, last: string];
}) {
  const y = scale(yMin, yMax, PLOT.bottom, PLOT.top);
  const ticks = [yMin, (yMin + yMax) / 2, yMax];
  return (
    <g fontSize={LABEL_SIZE}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={PLOT.left}
            x2={PLOT.right}
            y1={y(tick)}
            y2={y(tick)}
            className="stroke-slate-300 dark:stroke-slate-600"
            strokeWidth={1}
          />
          <text
            x={PLOT.left - 6}
            y={y(tick)}
            textAnchor="end"
            dominantBaseline="middle"
            className={labelClass}
          >
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      <text x={PLOT.left} y={PLOT.bottom + 22} textAnchor="start" className={labelClass}>
        {xLabels[0]}
      </text>
      {xLabels[1] !== xLabels[0] ? (
        <text x={PLOT.right} y={PLOT.bottom + 22} textAnchor="end" className={labelClass}>
          {xLabels[1]}
        </text>
      ) : null}
    </g>
  );
}

/** A chart's frame: one labelled image with its axes; the marks come as children. */
export function ChartSvg({
  summary,
  yMin,
  yMax,
  xLabels,
  children,
}: {
  summary: string;
  yMin: number;
  yMax: number;
  xLabels: [first: string, last: string];
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      className="h-auto w-full text-sky-700 dark:text-sky-300"
    >
      <ChartAxes yMin={yMin} yMax={yMax} xLabels={xLabels} />
      {children}
    </svg>
  );
}
