export interface SpinnerProps {
  label?: string;
  /** Shows only after 400 ms: for waits that are usually too short to notice. */
  delayed?: boolean;
}

/** A loading placeholder that screen readers announce once. */
export function Spinner({ label = 'Loading…', delayed = false }: SpinnerProps) {
  return (
    <div
      role="status"
      className={`flex items-center justify-center gap-3 p-8 text-slate-700 dark:text-slate-200 ${delayed ? 'animate-appear-late' : ''}`}
    >
      <span
        aria-hidden="true"
        className="size-6 animate-spin rounded-full border-4 border-sky-700 border-t-transparent"
      />
      <span>{label}</span>
    </div>
  );
}
