// Times as the browser shows them: the config pins the page's time zone.
export const BROWSER_TIME_ZONE = 'Europe/Warsaw';

/** HH:MM on the page's wall clock, like the app's formatClock. */
export function browserClock(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: BROWSER_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** YYYY-MM-DD on the page's calendar, the value of a date input. */
export function browserDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_TIME_ZONE }).format(date);
}
