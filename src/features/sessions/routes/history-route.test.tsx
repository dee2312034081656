import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zonedDayToInstant } from '@shared/calendar-days';
import {
  dbRequests,
  kindOf,
  method,
  methods,
  resetFakeDb,
  sessionRow,
  setDbHandler,
  type DbResult,
} from '../test/fake-db';
import { renderRoute } from '../test/render-route';
import { expectPlanOrLogLinks } from '@/test/expect-plan-or-log-links';

// A shared 2-core machine: give slow renders room before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

vi.mock('@/lib/db', async () => ({ db: (await import('../test/fake-db')).fakeDb }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'Europe/Warsaw' }));

const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function rows(count: number, offset = 0) {
  return Array.from({ length: count }, (_, index) =>
    sessionRow({
      id: id(offset + index + 1),
      status: 'completed',
      set_1: 5,
      set_2: 4,
      rpe: 7,
      session_date: new Date(Date.UTC(2025, 5, 14 - offset - index, 10)).toISOString(),
    }),
  );
}

function serveList(
  answer: (request: Parameters<Parameters<typeof setDbHandler>[0]>[0]) => DbResult,
) {
  setDbHandler((request) => (kindOf(request) === 'list' ? answer(request) : { data: [] }));
}

const listRequests = () => dbRequests.filter((request) => kindOf(request) === 'list');
const lastList = () => listRequests().at(-1)!;

beforeEach(() => resetFakeDb());
afterEach(() => vi.restoreAllMocks());

describe('HistoryRoute', () => {
  it('shows a loading state while the first page loads', () => {
    serveList(() => new Promise<DbResult>(() => {}) as unknown as DbResult);
    renderRoute('/history');
    expect(screen.getByRole('status')).toHaveTextContent('Loading your sessions…');
  });

  it('lists the newest ten with date, status, sets, total, RPE and the coach badge', async () => {
    serveList(() => ({
      data: [
        sessionRow({
          id: id(1),
          status: 'completed',
          set_1: 8,
          set_2: 6,
          rpe: 8,
          is_ai_generated: true,
          is_modified: true,
          session_date: '2025-06-14T10:00:00Z',
        }),
        sessionRow({ id: id(2), status: 'failed', set_1: 3, session_date: '2025-06-12T10:00:00Z' }),
      ],
      count: 2,
    }));
    renderRoute('/history');
    const links = await screen.findAllByRole('link', { name: /2025/ });
    expect(links).toHaveLength(2);
    expect(links[0]).toHaveAttribute('href', `/sessions/${id(1)}`);
    expect(links[0]).toHaveTextContent('Completed');
    expect(links[0]).toHaveTextContent('86–––');
    expect(links[0]).toHaveTextContent('Total 14');
    expect(links[0]).toHaveTextContent('RPE 8');
    expect(links[0]).toHaveTextContent('Planned by the coach');
    expect(links[0]).toHaveTextContent('changed by you');
    expect(links[1]).toHaveTextContent('Failed');
    expect(links[1]).not.toHaveTextContent('Planned by the coach');
    expect(screen.getByText('Page 1 of 1')).toBeInTheDocument();

    const request = lastList();
    expect(method(request, 'select')).toEqual(['*', { count: 'exact' }]);
    expect(methods(request, 'order')[0]).toEqual(['session_date', { ascending: false }]);
    expect(method(request, 'range')).toEqual([0, 9]);
    expect(method(request, 'in')).toBeUndefined();
  });

  it('pages through with previous and next, keeping the page in the URL', async () => {
    const user = userEvent.setup();
    serveList((request) => {
      const [from] = method(request, 'range') as [number, number];
      return { data: rows(from === 20 ? 5 : 10, from), count: 25 };
    });
    const { router } = renderRoute('/history');
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Previous' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(method(lastList(), 'range')).toEqual([10, 19]);

    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Next' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /2025/ })).toHaveLength(5);

    await user.click(screen.getByRole('link', { name: 'Previous' }));
    expect(await screen.findByText('Page 2 of 3')).toBeInTheDocument();
    // The back button returns to the page before.
    await router.navigate(-1);
    expect(await screen.findByText('Page 3 of 3')).toBeInTheDocument();
  });

  it('filters by several statuses at once, in the URL and in the query', async () => {
    const user = userEvent.setup();
    serveList(() => ({ data: rows(1), count: 1 }));
    const { router } = renderRoute('/history?page=2');
    await user.click(await screen.findByRole('checkbox', { name: 'Failed' }));
    await user.click(screen.getByRole('checkbox', { name: 'Completed' }));

    // Canonical order, and a new filter starts again on page 1.
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=completed&status=failed'),
    );
    await waitFor(() =>
      expect(method(lastList(), 'in')).toEqual(['status', ['completed', 'failed']]),
    );
    expect(method(lastList(), 'range')).toEqual([0, 9]);
    expect(screen.getByRole('checkbox', { name: 'Completed' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Planned' })).not.toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Failed' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=completed'));
    await waitFor(() => expect(method(lastList(), 'in')).toEqual(['status', ['completed']]));
  });

  it('filters by a date range of whole days in the athlete zone', async () => {
    serveList(() => ({ data: rows(1), count: 1 }));
    const { router } = renderRoute('/history');
    fireEvent.change(await screen.findByLabelText('From'), { target: { value: '2025-06-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-06-10' } });
    await waitFor(() =>
      expect(router.state.location.search).toBe('?from=2025-06-01&to=2025-06-10'),
    );
    await waitFor(() =>
      expect(method(lastList(), 'lt')).toEqual([
        'session_date',
        zonedDayToInstant('2025-06-11', 'Europe/Warsaw', 0).toISOString(),
      ]),
    );
    expect(method(lastList(), 'gte')).toEqual(['session_date', '2025-05-31T22:00:00.000Z']);
  });

  it('restores the filters from a shared link', async () => {
    serveList(() => ({ data: rows(1), count: 1 }));
    renderRoute('/history?status=failed&status=bogus&from=2025-06-01&page=3');
    expect(await screen.findByRole('checkbox', { name: 'Failed' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Completed' })).not.toBeChecked();
    expect(screen.getByLabelText('From')).toHaveValue('2025-06-01');
    await waitFor(() => expect(listRequests()).toHaveLength(1));
    expect(method(lastList(), 'in')).toEqual(['status', ['failed']]);
    expect(method(lastList(), 'range')).toEqual([20, 29]);
    expect(method(lastList(), 'lt')).toBeUndefined();
  });

  it('invites a first session when there is no history', async () => {
    serveList(() => ({ data: [], count: 0 }));
    renderRoute('/history');
    expect(await screen.findByText('No sessions yet')).toBeInTheDocument();
    expectPlanOrLogLinks();
  });

  it('says when the filters match nothing, with a way to clear them', async () => {
    const user = userEvent.setup();
    serveList(() => ({ data: [], count: 0 }));
    const { router } = renderRoute('/history?status=failed');
    expect(await screen.findByText('No sessions match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('No sessions yet')).toBeInTheDocument();
  });

  it('shows a page past the end as empty with a link to the first page', async () => {
    serveList(() => ({ error: { code: 'PGRST103', message: 'Requested range not satisfiable' } }));
    renderRoute('/history?page=9');
    expect(await screen.findByText('This page is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute(
      'href',
      '/history',
    );
  });

  it('shows a sentence, not the raw error, and can try again', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    serveList(() =>
      fail ? { error: { code: 'XX000', message: 'internal boom' } } : { data: rows(1), count: 1 },
    );
    renderRoute('/history');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong. Please try again.',
    );
    expect(screen.queryByText(/boom/)).not.toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Page 1 of 1')).toBeInTheDocument();
  });
});
