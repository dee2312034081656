// Dates as the athlete reads them, in English like the rest of the UI: "Wed 25 Nov 2026".
// Written out rather than through Intl.DateTimeFormat: a page's first Intl call starts ICU,
// a long task of its own on a slow phone, and the first screens show a date or two.
import { calendarDayOf } from '@shared/calendar-days';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface DateStyle {
  weekday?: 'short' | 'long';
  month: 'short' | 'long';
  year?: boolean;
}

const shorten = (name: string) => name.slice(0, 3);

/** A calendar day 'YYYY-MM-DD' written out: "Wed 25 Nov 2026", "Wednesday 25 November". */
export function formatCalendarDate(day: string, style: DateStyle): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const parts: string[] = [];
  if (style.weekday) {
    const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()]!;
    parts.push(style.weekday === 'short' ? shorten(weekday) : weekday);
  }
  const monthName = MONTHS[month - 1]!;
  parts.push(String(date), style.month === 'short' ? shorten(monthName) : monthName);
  if (style.year) parts.push(String(year));
  return parts.join(' ');
}

/** An instant (or a 'YYYY-MM-DD' day) on the athlete's calendar in `timeZone`, written out. */
export function formatDate(value: string | Date, timeZone: string, style: DateStyle): string {
  return formatCalendarDate(calendarDayOf(value, timeZone), style);
}
