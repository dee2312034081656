import { MAX_REST_SECONDS, MIN_REST_SECONDS } from '../stores/workout-store';
import { formatSeconds } from './format-seconds';

/** Seconds from what the athlete typed ("2:30", or "3" for whole minutes), or why it is refused. */
export function parseRestLength(text: string): number | string {
  const clock = /^\s*(\d{1,2})(?::([0-5]\d))?\s*$/.exec(text);
  if (!clock) return 'Enter minutes and seconds, like 2:30.';
  const seconds = Number(clock[1]) * 60 + Number(clock[2] ?? 0);
  if (seconds > MAX_REST_SECONDS) {
    return `${formatSeconds(seconds)} is more than ${formatSeconds(MAX_REST_SECONDS)}, the longest rest.`;
  }
  if (seconds < MIN_REST_SECONDS) {
    return `${formatSeconds(seconds)} is less than ${formatSeconds(MIN_REST_SECONDS)}, the shortest rest.`;
  }
  return seconds;
}
