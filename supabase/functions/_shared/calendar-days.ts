// Calendar days in the athlete's own time zone: the date rules count days, not 24 h spans.
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
/** A plain calendar day, as a date input gives it. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The runtime's own time zone (in the SPA: the athlete's phone), read with Date's local-time
 * methods instead of Intl. Why: a page's first Intl call starts ICU, ~40–50 ms of main thread
 * in Chromium (~200 ms on a slow phone), which the first screen should not pay to know what
 * day it is. Functions always name an IANA zone.
 */
export const LOCAL_TIME_ZONE = 'local';

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === LOCAL_TIME_ZONE) return true;
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function zonedParts(instant: Date, timeZone: string): Record<string, number> {
  if (timeZone === LOCAL_TIME_ZONE) {
    return {
      year: instant.getFullYear(),
      month: instant.getMonth() + 1,
      day: instant.getDate(),
      hour: instant.getHours(),
      minute: instant.getMinutes(),
      second: instant.getSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of dayFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The calendar day ('YYYY-MM-DD') of an instant in an IANA time zone. */
export function calendarDay(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Calendar day of a form value: a plain 'YYYY-MM-DD' already is one, a date-time is converted. */
export function calendarDayOf(value: string | Date, timeZone: string): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  return calendarDay(typeof value === 'string' ? new Date(value) : value, timeZone);
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** Whole calendar days from `now` to `value` in the time zone (0 = today, 1 = tomorrow, -1 = yesterday). */
export function calendarDaysFromToday(value: string | Date, now: Date, timeZone: string): number {
  return dayNumber(calendarDayOf(value, timeZone)) - dayNumber(calendarDay(now, timeZone));
}

/** The instant at a local wall-clock time on a calendar day in a time zone (noon by default). */
export function zonedDayToInstant(day: string, timeZone: string, hour = 12): Date {
  const wanted = dayNumber(day) * DAY_MS + hour * HOUR_MS;
  // Two passes settle the offset even on a day whose offset changes (DST).
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) {
    const p = zonedParts(new Date(instant), timeZone);
    const shown = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    instant += wanted - shown;
  }
  return new Date(instant);
}
