import { useId, type ReactNode } from 'react';

/** A titled card holding one chart, its legend and its table. */
export function ChartCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-2xl border border-slate-200 p-4 dark:border-slate-700"
    >
      <div>
        <h2 id={headingId} className="text-xl font-bold">
          {title}
        </h2>
        {description ? <p className="text-slate-700 dark:text-slate-200">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
