import { LOCAL_TIME_ZONE } from '@shared/calendar-days';

/**
 * The athlete's time zone: the phone's own ("today" is theirs, not the server's). The shared
 * date rules read it through Date's local-time methods, so no screen pays for starting Intl.
 */
export function athleteTimeZone(): string {
  return LOCAL_TIME_ZONE;
}
