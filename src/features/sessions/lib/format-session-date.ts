import { formatDate } from '@/lib/format-date';

/** A session's date as the athlete reads it, on their own calendar: "Wed 25 Nov 2026". */
export function formatSessionDate(iso: string, timeZone: string): string {
  return formatDate(iso, timeZone, { weekday: 'short', month: 'short', year: true });
}
