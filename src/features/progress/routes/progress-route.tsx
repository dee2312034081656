// Progress: the athlete's finished sessions as charts and personal records.
// The charts are plain SVG, not a chart library: four simple charts cost a few KB instead of
// tens, and hand-made SVG lets each be one labelled image with a real data table beside it.
import { useDeferredValue } from 'react';
import { Spinner } from '@/components/ui/spinner';
import {
  personalRecords,
  sessionPoints,
  weeklyRpe,
  weeklyVolume,
  type ProgressSession,
} from '@/lib/progress-records';
import { athleteTimeZone } from '@/lib/time-zone';
import { RecordsList } from '../components/records-list';
import { BestSetChart, TotalRepsChart } from '../components/session-charts';
import { RpeTrendChart, WeeklyVolumeChart } from '../components/weekly-charts';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { LoadError } from '@/components/ui/load-error';
import { PlanOrLogLinks } from '@/components/plan-or-log-links';

export function ProgressRoute() {
  const sessions = useQuery(sessionQueries.finished());
  // The charts are this screen's heaviest render: deferred, React renders them in slices a
  // slow phone can interrupt, instead of in the query's own synchronous update.
  const finished = useDeferredValue(sessions.data);
  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">Progress</h1>
      {sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : finished === undefined ? (
        <Spinner label="Loading your progress…" />
      ) : finished.length === 0 ? (
        <EmptyProgress />
      ) : (
        <ProgressCharts sessions={finished} />
      )}
    </section>
  );
}

function EmptyProgress() {
  return (
    <div className="flex flex-col gap-3 rounded-2xl border-2 border-dashed border-slate-300 p-6 text-center dark:border-slate-600">
      <p className="text-lg font-semibold">No finished sessions yet</p>
      <p>Your charts and records start with your first finished session.</p>
      <PlanOrLogLinks first="primary" />
    </div>
  );
}

function ProgressCharts({ sessions }: { sessions: ProgressSession[] }) {
  const timeZone = athleteTimeZone();
  const points = sessionPoints(sessions, timeZone);
  return (
    <>
      <RecordsList records={personalRecords(sessions, timeZone)} timeZone={timeZone} />
      <TotalRepsChart points={points} timeZone={timeZone} />
      <BestSetChart points={points} timeZone={timeZone} />
      <WeeklyVolumeChart weeks={weeklyVolume(sessions, timeZone)} />
      <RpeTrendChart weeks={weeklyRpe(sessions, timeZone)} />
    </>
  );
}
