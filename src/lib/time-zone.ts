/** The athlete's IANA time zone, as the browser knows it ("today" is theirs, not the server's). */
export function athleteTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
