/** A loading placeholder that screen readers announce once. */
export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div
      role="status"
      className="flex items-center justify-center gap-3 p-8 text-slate-700 dark:text-slate-200"
    >
      <span
        aria-hidden="true"
        className="size-6 animate-spin rounded-full border-4 border-sky-700 border-t-transparent"
      />
      <span>{label}</span>
    </div>
  );
}
