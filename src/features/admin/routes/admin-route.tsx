import { useId, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useSession } from '@/lib/auth-client';
import { formatCalendarDate, formatDate } from '@/lib/format-date';
import { FunctionError } from '@/lib/functions';
import { isAdmin } from '@/lib/roles';
import { athleteTimeZone } from '@/lib/time-zone';
import { useAdminMetrics, type AdminMetrics } from '../api/admin-queries';
import { EventsChart } from '../components/events-chart';
import { formatNumber, formatPercent, humanize } from '../lib/format-metric';
import { TargetCard } from '../components/target-card';
import { LoadError } from '@/components/ui/load-error';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Figures({ rows }: { rows: Array<[string, string]> }) {
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt>{term}</dt>
          <dd className="text-right font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function NotForYou() {
  return (
    <Alert tone="info" title="This page is for admins">
      Your account cannot see the product metrics.
    </Alert>
  );
}

/** The app's own date style ("Mon 5 Jan 2026"), with the local clock time. */
function formatMoment(iso: string): string {
  const date = new Date(iso);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(date, athleteTimeZone(), { weekday: 'short', month: 'short', year: true })}, ${clock}`;
}

function Metrics({ metrics }: { metrics: AdminMetrics }) {
  const statuses = Object.entries(metrics.sessions_by_status);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700 dark:text-slate-200">
        As of {formatMoment(metrics.generated_at)}
      </p>
      <Section title="Targets">
        <div className="grid gap-3 sm:grid-cols-2">
          <TargetCard title="Activation rate" metric={metrics.targets.activation_rate} />
          <TargetCard title="AI adoption" metric={metrics.targets.ai_adoption_rate} />
        </div>
      </Section>
      <Section title="AI coach">
        <Figures
          rows={[
            ['Success rate, last 7 days', formatPercent(metrics.ai_success_rate_7d)],
            ['Success rate, overall', formatPercent(metrics.ai_success_rate_all)],
            ['Asks, last 7 days', formatNumber(metrics.ai_generations_7d)],
          ]}
        />
      </Section>
      <Section title="Usage">
        <Figures
          rows={[
            ['Users', formatNumber(metrics.users)],
            ['Sessions per user', formatNumber(metrics.avg_sessions_per_user)],
            ...statuses.map(([status, count]): [string, string] => [
              `Sessions ${humanize(status)}`,
              formatNumber(count),
            ]),
          ]}
        />
      </Section>
      <Section title="New users per week">
        {metrics.new_users_per_week.length === 0 ? (
          <p>No new users in the last 12 weeks.</p>
        ) : (
          <Figures
            rows={metrics.new_users_per_week.map(({ week, users }): [string, string] => [
              `Week of ${formatCalendarDate(week, { month: 'short', year: true })}`,
              formatNumber(users),
            ])}
          />
        )}
      </Section>
      <Section title="Activity">
        <EventsChart events={metrics.events_last_30_days} />
      </Section>
    </div>
  );
}

export function AdminRoute() {
  const session = useSession();
  const admin = isAdmin(session);
  const metrics = useAdminMetrics(admin);

  let body: ReactNode;
  if (!admin) body = <NotForYou />;
  else if (metrics.isPending) body = <Spinner label="Loading the metrics…" />;
  else if (metrics.isError) {
    // The token may still say admin after the role was taken away: the function has the last word.
    body =
      metrics.error instanceof FunctionError && metrics.error.status === 403 ? (
        <NotForYou />
      ) : (
        <LoadError error={metrics.error} onRetry={() => void metrics.refetch()} />
      );
  } else body = <Metrics metrics={metrics.data} />;

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Admin</h1>
      {body}
    </div>
  );
}
