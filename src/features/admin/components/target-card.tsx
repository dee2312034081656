import type { MetricTarget } from '../api/admin-queries';
import { formatPercent } from '../lib/format-metric';

const looks = {
  met: {
    label: 'Target met',
    icon: '✓',
    classes:
      'border-emerald-700 bg-emerald-50 text-emerald-950 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-50',
  },
  missed: {
    label: 'Target not met',
    icon: '✗',
    classes:
      'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50',
  },
} as const;

/** One success metric against its target: text, colour and icon all say met / not met. */
export function TargetCard({ title, metric }: { title: string; metric: MetricTarget }) {
  const look = metric.met ? looks.met : looks.missed;
  return (
    <div className={`flex flex-col gap-1 rounded-2xl border-2 p-4 ${look.classes}`}>
      <h3 className="font-semibold">{title}</h3>
      <p className="text-3xl font-bold">{formatPercent(metric.value)}</p>
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="text-xl leading-none">
          {look.icon}
        </span>
        <span>
          {look.label} (target ≥ {metric.target} %)
        </span>
      </p>
    </div>
  );
}
