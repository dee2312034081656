import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import type { SessionRow } from '@/lib/db';
import { formatDate } from '@/lib/format-date';
import { paths } from '@/lib/paths';
import { athleteTimeZone } from '@/lib/time-zone';
import { trackEvent } from '@/lib/track-event';
import { calendarDaysFromToday } from '@shared/calendar-days';
import { restWarning, sameDayWarning, type RestWarning } from '@shared/rest-rules';
import { setsFromColumns, totalReps } from '@shared/session-model';
import { planRestSeconds, useWorkoutStore } from '../stores/workout-store';
import { RestLengthSetting } from './rest-length-setting';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries, warningWindowStart } from '@/lib/session-queries';

function hoursText(hours: number): string {
  if (hours < 1) return 'less than an hour';
  const whole = Math.floor(hours);
  return `${whole} ${whole === 1 ? 'hour' : 'hours'}`;
}

function dayText(days: number): string {
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 1 ? `in ${days} days` : `${-days} days ago`;
}

/** The planned session before it starts: the plan, the warnings, and "Start workout". */
export function StartScreen({ session }: { session: SessionRow }) {
  const targets = setsFromColumns(session);
  const begin = useWorkoutStore((s) => s.begin);
  const setRestSeconds = useWorkoutStore((s) => s.setRestSeconds);
  // Each plan brings its own rest length; the athlete may still change it below.
  const planRest = planRestSeconds(targets);
  useEffect(() => setRestSeconds(planRest), [planRest, setRestSeconds]);
  const [openedAt] = useState(() => new Date());
  const recent = useQuery(sessionQueries.finishedSince(warningWindowStart(openedAt)));
  const timeZone = athleteTimeZone();

  const rest = useMemo<RestWarning | null>(
    () => (recent.data ? restWarning(recent.data, openedAt) : null),
    [recent.data, openedAt],
  );
  const sameDay = useMemo(
    () => (recent.data ? sameDayWarning(recent.data, openedAt, timeZone) : null),
    [recent.data, openedAt, timeZone],
  );

  // Recorded once per screen: the athlete saw the rest warning.
  const tracked = useRef(false);
  useEffect(() => {
    if (!rest?.lastSessionId || tracked.current) return;
    tracked.current = true;
    trackEvent({
      event_type: 'rest_period_warning_shown',
      event_data: {
        hours_since_last: Math.max(0, rest.hoursSinceLast),
        last_session_id: rest.lastSessionId,
        planned_date: openedAt.toISOString(),
        context: 'start_session',
      },
    });
  }, [rest, openedAt]);

  const start = () => {
    const now = new Date();
    if (rest?.lastSessionId) {
      trackEvent({
        event_type: 'rest_period_warning_ignored',
        event_data: {
          hours_since_last: Math.max(0, rest.hoursSinceLast),
          last_session_id: rest.lastSessionId,
          planned_date: now.toISOString(),
          context: 'start_session',
          session_id: session.id,
        },
      });
    }
    begin(session.id, targets, now);
  };

  // Starting dates the session now: a plan for another day is moved only when the athlete says so.
  const daysAway = calendarDaysFromToday(session.session_date, openedAt, timeZone);
  const plannedDay = formatDate(session.session_date, timeZone, { weekday: 'long', month: 'long' });
  const warned = !!rest || !!sameDay;
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold">Ready to train?</h1>
        <p className="mt-1 text-slate-700 dark:text-slate-200">
          {session.is_ai_generated ? 'Planned by your coach. ' : ''}Five sets, rest in between.
        </p>
      </div>
      {session.ai_comment ? (
        <blockquote className="rounded-xl border-l-4 border-sky-700 bg-sky-50 p-4 dark:border-sky-400 dark:bg-sky-950">
          {session.ai_comment}
        </blockquote>
      ) : null}
      <div>
        <h2 className="text-lg font-semibold">Your plan</h2>
        <ol className="mt-2 grid grid-cols-5 gap-2 text-center">
          {targets.map((reps, index) => (
            <li key={index} className="rounded-xl bg-slate-100 p-2 dark:bg-slate-800">
              <span className="block text-xs">Set {index + 1}</span>
              <span className="block text-2xl font-bold tabular-nums">{reps}</span>
              <span className="sr-only">reps</span>
            </li>
          ))}
        </ol>
        <p className="mt-2">
          Total: <strong className="tabular-nums">{totalReps(targets)}</strong> reps
        </p>
      </div>
      {rest ? (
        <Alert tone="warning" title="Rest first?">
          Your last session was {hoursText(rest.hoursSinceLast)} ago. Muscles recover and grow
          between sessions: 24 hours of rest is recommended. You can still start now.
        </Alert>
      ) : null}
      {sameDay ? (
        <Alert tone="warning" title="Second session today">
          You already finished a session today. Two sessions on one day leave little time to
          recover.
        </Alert>
      ) : null}
      <RestLengthSetting />
      {daysAway !== 0 ? (
        <Alert tone="info" title={`Planned for ${plannedDay}`}>
          This session is planned for {dayText(daysAway)}. Train it today instead? Starting it moves
          it to today.
        </Alert>
      ) : null}
      <Button className="min-h-16 w-full text-xl" onClick={start}>
        {daysAway !== 0 ? 'Train it today' : warned ? 'Start anyway' : 'Start workout'}
      </Button>
      {daysAway !== 0 ? (
        <Link to={paths.dashboard.getHref()} className={buttonClasses('secondary')}>
          Keep it for {plannedDay}
        </Link>
      ) : null}
    </section>
  );
}
