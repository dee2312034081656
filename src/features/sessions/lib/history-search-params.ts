// History filters live in the URL (?status=completed&status=failed&from=…&to=…&page=2), so the
// back button and a shared link restore the same view. Unknown values are ignored.
import { SESSION_STATUSES, type SessionStatus } from '@shared/session-model';
import type { SessionListFilters } from '@/lib/session-queries';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearchParams(params: URLSearchParams): SessionListFilters {
  const wanted = new Set(params.getAll('status'));
  const from = params.get('from');
  const to = params.get('to');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    // Canonical order, so the same filters always make the same query key.
    statuses: SESSION_STATUSES.filter((status) => wanted.has(status)),
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function searchParamsFromFilters(filters: SessionListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const status of filters.statuses) params.append('status', status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function toggleStatus(
  filters: SessionListFilters,
  status: SessionStatus,
): SessionListFilters {
  const statuses = filters.statuses.includes(status)
    ? filters.statuses.filter((s) => s !== status)
    : SESSION_STATUSES.filter((s) => s === status || filters.statuses.includes(s));
  return { ...filters, statuses, page: 1 };
}

export function hasFilters(filters: SessionListFilters): boolean {
  return filters.statuses.length > 0 || filters.from !== null || filters.to !== null;
}
