import { formatDate } from '@/lib/format-date';
import { athleteTimeZone } from '@/lib/time-zone';

/** The session's day in the athlete's own time zone: "Wed 25 Nov". */
export function sessionDay(sessionDate: string): string {
  return formatDate(sessionDate, athleteTimeZone(), { weekday: 'short', month: 'short' });
}
