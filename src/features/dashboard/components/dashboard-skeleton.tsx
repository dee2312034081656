/** Grey blocks in the shape of the cards while the two requests are in flight. */
export function DashboardSkeleton() {
  const block = 'animate-pulse rounded-2xl bg-slate-200 dark:bg-slate-800';
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading your dashboard…</span>
      <div aria-hidden="true" className={`h-56 ${block}`} />
      <div aria-hidden="true" className={`h-28 ${block}`} />
      <div aria-hidden="true" className={`h-36 ${block}`} />
    </div>
  );
}
