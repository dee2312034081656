const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** The session's day in the athlete's own time zone (the browser's). */
export function sessionDay(sessionDate: string): string {
  return dayFormat.format(new Date(sessionDate));
}
