// Dates on the progress screen, in the athlete's calendar and locale.
const dayFormat = (timeZone: string, withYear: boolean) =>
  new Intl.DateTimeFormat(undefined, {
    timeZone,
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  });

/** A session's date: "14 Jun 2025" (or "14 Jun" for an axis label). */
export function formatDay(iso: string, timeZone: string, withYear = true): string {
  return dayFormat(timeZone, withYear).format(new Date(iso));
}

/** A calendar day 'YYYY-MM-DD' (a week's Monday), already in the athlete's calendar. */
export function formatCalendarDay(day: string, withYear = true): string {
  return dayFormat('UTC', withYear).format(new Date(`${day}T12:00:00Z`));
}

/** RPE averages keep one decimal: 7.5, 8. */
export function formatRpe(value: number): string {
  return String(Math.round(value * 10) / 10);
}
