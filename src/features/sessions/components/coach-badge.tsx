/** Marks a session the coach planned, and whether the athlete changed that plan. */
export function CoachBadge({
  isAiGenerated,
  isModified,
}: {
  isAiGenerated: boolean;
  isModified: boolean;
}) {
  if (!isAiGenerated) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <span className="inline-flex rounded-full bg-violet-100 px-3 py-1 text-sm font-semibold text-violet-950 dark:bg-violet-900 dark:text-violet-50">
        Planned by the coach
      </span>
      {isModified ? (
        <span className="inline-flex rounded-full bg-slate-200 px-3 py-1 text-sm font-semibold text-slate-900 dark:bg-slate-700 dark:text-slate-50">
          changed by you
        </span>
      ) : null}
    </span>
  );
}
