// Dates on the progress screen, on the athlete's calendar.
import { formatCalendarDate, formatDate } from '@/lib/format-date';

/** A session's date: "14 Jun 2025" (or "14 Jun" for an axis label). */
export function formatDay(iso: string, timeZone: string, withYear = true): string {
  return formatDate(iso, timeZone, { month: 'short', year: withYear });
}

/** A calendar day 'YYYY-MM-DD' (a week's Monday), already on the athlete's calendar. */
export function formatCalendarDay(day: string, withYear = true): string {
  return formatCalendarDate(day, { month: 'short', year: withYear });
}

/** RPE averages keep one decimal: 7.5, 8. */
export function formatRpe(value: number): string {
  return String(Math.round(value * 10) / 10);
}
