import { ChoiceTile } from '@/components/ui/choice-tile';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button-classes';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { paths } from '@/lib/paths';
import { athleteTimeZone } from '@/lib/time-zone';
import { SESSION_STATUSES } from '@shared/session-model';
import {
  filtersFromSearchParams,
  hasFilters,
  searchParamsFromFilters,
  toggleStatus,
} from '../lib/history-search-params';
import { HistoryRow } from '../components/history-row';
import { STATUS_LABELS } from '../lib/session-form-model';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';
import { HISTORY_PAGE_SIZE, type SessionListFilters } from '@/lib/session-queries';
import { LoadError } from '@/components/ui/load-error';
import { PlanOrLogLinks } from '@/components/plan-or-log-links';

const hrefFor = (filters: SessionListFilters) => {
  const search = searchParamsFromFilters(filters).toString();
  return paths.history.getHref(search ? `?${search}` : '');
};

export function HistoryRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearchParams(searchParams);
  const timeZone = athleteTimeZone();
  const sessions = useQuery(sessionQueries.list(filters));
  const change = (next: SessionListFilters) => setSearchParams(searchParamsFromFilters(next));

  const total = sessions.data?.total ?? null;
  const pageCount = total === null ? null : Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const rows = sessions.data?.rows ?? [];

  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">History</h1>

      <form
        aria-label="Filters"
        className="flex flex-col gap-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">Status</legend>
          <div className="grid grid-cols-2 gap-2">
            {SESSION_STATUSES.map((status) => (
              <ChoiceTile
                key={status}
                type="checkbox"
                checked={filters.statuses.includes(status)}
                onChange={() => change(toggleStatus(filters, status))}
                className="px-3"
              >
                {STATUS_LABELS[status]}
              </ChoiceTile>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="From"
            type="date"
            value={filters.from ?? ''}
            max={filters.to ?? undefined}
            onChange={(event) => change({ ...filters, from: event.target.value || null, page: 1 })}
          />
          <TextField
            label="To"
            type="date"
            value={filters.to ?? ''}
            min={filters.from ?? undefined}
            onChange={(event) => change({ ...filters, to: event.target.value || null, page: 1 })}
          />
        </div>
        {filters.from && filters.to && filters.from > filters.to ? (
          <Alert tone="warning">
            The “From” date is after the “To” date, so nothing can match.
          </Alert>
        ) : null}
        {hasFilters(filters) ? (
          <Link to={paths.history.getHref()} className={buttonClasses('ghost', 'self-start px-0')}>
            Clear filters
          </Link>
        ) : null}
      </form>

      {sessions.isPending ? (
        <Spinner label="Loading your sessions…" />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : rows.length === 0 ? (
        filters.page > 1 ? (
          <Alert tone="info" title="This page is empty">
            <Link
              to={hrefFor({ ...filters, page: 1 })}
              className="inline-flex min-h-12 items-center font-semibold underline"
            >
              Go to the first page
            </Link>
          </Alert>
        ) : hasFilters(filters) ? (
          <Alert tone="info" title="No sessions match these filters">
            Change or clear the filters to see more.
          </Alert>
        ) : (
          <div className="flex flex-col gap-3 rounded-2xl border-2 border-dashed border-slate-300 p-6 text-center dark:border-slate-600">
            <p className="text-lg font-semibold">No sessions yet</p>
            <p>Plan your first session, or log one you already did.</p>
            <PlanOrLogLinks first="primary" />
          </div>
        )
      ) : (
        <>
          <ul
            aria-label="Sessions"
            aria-busy={sessions.isPlaceholderData || undefined}
            className="flex flex-col gap-3"
          >
            {rows.map((session) => (
              <li key={session.id}>
                <HistoryRow session={session} timeZone={timeZone} />
              </li>
            ))}
          </ul>
          <nav aria-label="Pages" className="flex items-center justify-between gap-2">
            {filters.page > 1 ? (
              <Link
                to={hrefFor({ ...filters, page: filters.page - 1 })}
                className={buttonClasses('secondary')}
              >
                Previous
              </Link>
            ) : (
              <span />
            )}
            <p aria-live="polite">
              Page {filters.page}
              {pageCount ? ` of ${pageCount}` : ''}
            </p>
            {pageCount !== null && filters.page < pageCount ? (
              <Link
                to={hrefFor({ ...filters, page: filters.page + 1 })}
                className={buttonClasses('secondary')}
              >
                Next
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </section>
  );
}
