// Today: the active session and its next action, the last completed one, and the coach.
// Composed here from the dashboard and coach features. Two requests in parallel (sessions,
// coach attempts) and nothing else before it renders.
import { useQueryClient } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { useRecentGenerations } from '@/features/coach/api/coach-queries';
import { CoachCard } from '@/features/coach/components/coach-card';
import {
  showPlannedSession,
  useDashboardSessions,
} from '@/features/dashboard/api/dashboard-queries';
import { ActiveSessionCard } from '@/features/dashboard/components/active-session-card';
import { DashboardSkeleton } from '@/features/dashboard/components/dashboard-skeleton';
import { LastSessionCard } from '@/features/dashboard/components/last-session-card';
import { PlanOrLogLinks } from '@/components/plan-or-log-links';

export function DashboardRoute() {
  const queryClient = useQueryClient();
  const sessions = useDashboardSessions();
  const generations = useRecentGenerations();

  const heading = <h1 className="mb-4 text-3xl font-bold">Today</h1>;

  if (sessions.isError || generations.isError) {
    const failed = sessions.error ?? generations.error;
    return (
      <>
        {heading}
        <Alert tone="error" title="Your dashboard could not be loaded.">
          <p>{describeError(failed)}</p>
          <Button
            variant="secondary"
            className="mt-3"
            onClick={() => {
              if (sessions.isError) void sessions.refetch();
              if (generations.isError) void generations.refetch();
            }}
          >
            Try again
          </Button>
        </Alert>
      </>
    );
  }

  if (sessions.isPending || generations.isPending) {
    return (
      <>
        {heading}
        <DashboardSkeleton />
      </>
    );
  }

  // First run: nothing trained, nothing asked yet. Decided on fresh data only: a cached empty
  // answer from before the first-run ask must not send the athlete back there.
  if (!sessions.data.hasAny && generations.data.length === 0) {
    if (sessions.isFetching || generations.isFetching) {
      return (
        <>
          {heading}
          <DashboardSkeleton />
        </>
      );
    }
    return <Navigate to={paths.welcome.getHref()} replace />;
  }

  const { active, lastCompleted } = sessions.data;
  return (
    <>
      {heading}
      <div className="flex flex-col gap-4">
        {active ? (
          <ActiveSessionCard session={active} />
        ) : (
          <section className="rounded-2xl border-2 border-dashed border-slate-400 p-4 dark:border-slate-500">
            <h2 className="text-xl font-bold">Nothing planned</h2>
            <p className="text-slate-700 dark:text-slate-200">
              Ask the coach for your next session or plan one yourself.
            </p>
          </section>
        )}
        <CoachCard
          hasActiveSession={active !== null}
          generations={generations.data}
          onPlanned={({ session }) => showPlannedSession(queryClient, session)}
        />
        <div className="flex flex-col gap-3">
          <PlanOrLogLinks />
        </div>
        <LastSessionCard session={lastCompleted} />
      </div>
    </>
  );
}
