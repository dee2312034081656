import type { SessionStatus } from '@shared/session-model';
import { STATUS_LABELS } from '../lib/session-form-model';

const tones: Record<SessionStatus, string> = {
  planned: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-50',
  in_progress: 'bg-amber-100 text-amber-950 dark:bg-amber-900 dark:text-amber-50',
  completed: 'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50',
  failed: 'bg-red-100 text-red-950 dark:bg-red-900 dark:text-red-50',
};

export function StatusBadge({ status }: { status: SessionStatus }) {
  return (
    <span className={`inline-flex rounded-full px-3 py-1 text-sm font-semibold ${tones[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
