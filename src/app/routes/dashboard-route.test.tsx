import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FunctionError, invokeFunction } from '@/lib/functions';
import { createQueryClient, queryRoots } from '@/lib/query-client';
import { paths } from '@/lib/paths';
import { coachQueries } from '@/features/coach/api/coach-queries';
import {
  dashboardQueries,
  toDashboardSessions,
  type DashboardSession,
} from '@/features/dashboard/api/dashboard-queries';
import {
  dbRequests,
  dbTraffic,
  resetFakeDb,
  setDbHandler,
  type DbRequest,
  type DbResult,
} from '@/test/fake-db';
import { renderRoutes } from '@/test/render-route';
import { DashboardRoute } from './dashboard-route';

vi.mock('@/lib/db', async () => ({ db: (await import('@/test/fake-db')).fakeDb }));

vi.mock('@/lib/functions', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  invokeFunction: vi.fn(),
}));

const NOW = new Date(2025, 2, 10, 12, 0);
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

const planned: DashboardSession = {
  id: 'planned-1',
  session_date: hoursFromNow(20),
  status: 'planned',
  set_1: 5,
  set_2: 5,
  set_3: 4,
  set_4: 4,
  set_5: 3,
  total_reps: 21,
  rpe: null,
  ai_comment: 'Steady volume today; keep two reps in reserve.',
  is_ai_generated: true,
  is_modified: false,
};
const inProgress: DashboardSession = { ...planned, id: 'running-1', status: 'in_progress' };
const completed: DashboardSession = {
  ...planned,
  id: 'done-1',
  session_date: hoursFromNow(-26),
  status: 'completed',
  set_1: 6,
  set_2: 6,
  set_3: 5,
  set_4: 5,
  set_5: null,
  total_reps: 22,
  rpe: 7,
  ai_comment: null,
};
const generationsAt = (...hoursAgo: number[]) =>
  hoursAgo.map((h) => ({ created_at: hoursFromNow(-h), status: 'success' }));

let tables: { sessions: () => DbResult; generations: () => DbResult };
const answerFromTables = (request: DbRequest) => tables[request.table as keyof typeof tables]();
function serve(sessions: unknown[], generations: unknown[] = generationsAt(3)) {
  tables = {
    sessions: () => ({ data: sessions, error: null }),
    generations: () => ({ data: generations, error: null }),
  };
}

function Stub({ name }: { name: string }) {
  const location = useLocation();
  return <p>{`${name} at ${location.pathname}${location.search}`}</p>;
}

function renderDashboard(queryClient = createQueryClient({ retry: false })) {
  return renderRoutes(
    [
      { path: paths.dashboard.path, element: <DashboardRoute /> },
      { path: paths.welcome.path, element: <Stub name="welcome" /> },
      { path: paths.newSession.path, element: <Stub name="new session" /> },
      { path: paths.session.path, element: <Stub name="session" /> },
      { path: paths.workout.path, element: <Stub name="workout" /> },
    ],
    '/',
    queryClient,
  ).router;
}

const askButton = () => screen.getByRole('button', { name: 'Ask the coach' });
const invoke = vi.mocked(invokeFunction);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  resetFakeDb();
  setDbHandler(answerFromTables);
  serve([completed]);
  invoke.mockReset();
  // The query caches log raw errors for developers; keep the test output to the failures.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('loading, empty and error states', () => {
  test('shows a skeleton while the requests are in flight', async () => {
    setDbHandler(() => new Promise(() => {}));
    renderDashboard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading your dashboard…');
  });

  test('a brand-new athlete (no sessions, no asks) is sent to the first-run screen', async () => {
    serve([], []);
    renderDashboard();
    expect(await screen.findByText('welcome at /welcome')).toBeInTheDocument();
  });

  test('a stale empty cache (before the first-run ask) does not send the athlete back', async () => {
    const queryClient = createQueryClient({ retry: false });
    queryClient.setQueryData(dashboardQueries.sessions().queryKey, toDashboardSessions([]));
    queryClient.setQueryData(coachQueries.recentGenerations().queryKey, []);
    // What the first-run screen's ask does to every view of sessions and generations.
    await queryClient.invalidateQueries({ queryKey: queryRoots.sessions });
    await queryClient.invalidateQueries({ queryKey: queryRoots.generations });
    serve([planned], generationsAt(0));
    renderDashboard(queryClient);
    expect(await screen.findByRole('heading', { name: 'Next session' })).toBeInTheDocument();
    expect(screen.queryByText(/welcome at/)).not.toBeInTheDocument();
  });

  test('an athlete whose only ask failed stays on the dashboard', async () => {
    serve([], generationsAt(2));
    renderDashboard();
    expect(await screen.findByText('Nothing planned')).toBeInTheDocument();
    expect(screen.getByText('No completed sessions yet.')).toBeInTheDocument();
    expect(screen.getByText('AI asks left: 4 of 5')).toBeInTheDocument();
  });

  test('a failed load shows a sentence and retries only what failed', async () => {
    let failing = true;
    tables.sessions = () =>
      failing
        ? { data: null, error: { code: 'PGRST000', message: 'connection refused by upstream' } }
        : { data: [completed], error: null };
    renderDashboard();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your dashboard could not be loaded.');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    expect(alert).not.toHaveTextContent('connection refused');
    expect(console.error).toHaveBeenCalledWith(expect.objectContaining({ code: 'PGRST000' }));
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Last completed session')).toBeInTheDocument();
    expect(dbRequests.map((r) => r.table).sort()).toEqual(['generations', 'sessions', 'sessions']);
  });
});

describe('the dashboard', () => {
  test('renders from two requests issued in parallel, and no more', async () => {
    const pending: (() => void)[] = [];
    setDbHandler(
      (request) => new Promise((resolve) => pending.push(() => resolve(answerFromTables(request)))),
    );
    serve([planned, completed]);
    renderDashboard();
    // Both are on the wire before either has answered: one round trip, not a waterfall.
    await waitFor(() => expect(dbRequests).toHaveLength(2));
    expect(dbTraffic.inFlight).toBe(2);
    for (const release of pending) release();
    expect(await screen.findByText('Next session')).toBeInTheDocument();
    expect(dbRequests.map((r) => r.table).sort()).toEqual(['generations', 'sessions']);
    expect(dbTraffic.maxInFlight).toBe(2);
    const sessionsRequest = dbRequests.find((r) => r.table === 'sessions')!;
    expect(sessionsRequest.calls).toContainEqual(['limit', [2]]);
    const generationsRequest = dbRequests.find((r) => r.table === 'generations')!;
    expect(generationsRequest.calls).toContainEqual(['gte', ['created_at', hoursFromNow(-24)]]);
  });

  test('a planned session: start it, see its details and the coach note', async () => {
    serve([planned, completed]);
    renderDashboard();
    const card = (await screen.findByRole('heading', { name: 'Next session' })).closest('section')!;
    expect(within(card).getByRole('link', { name: 'Start workout' })).toHaveAttribute(
      'href',
      '/workout/planned-1',
    );
    expect(within(card).getByRole('link', { name: 'Details' })).toHaveAttribute(
      'href',
      '/sessions/planned-1',
    );
    expect(within(card).getByText(planned.ai_comment!)).toBeInTheDocument();
    expect(within(card).getByText(/21 reps planned · by the coach/)).toBeInTheDocument();
    const sets = within(card).getByRole('list', { name: 'Target reps per set' });
    expect(
      within(sets)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Set 15', 'Set 25', 'Set 34', 'Set 44', 'Set 53']);
  });

  test('an in-progress session offers to continue the workout', async () => {
    serve([inProgress, completed]);
    renderDashboard();
    expect(await screen.findByRole('heading', { name: 'Workout in progress' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue workout' })).toHaveAttribute(
      'href',
      '/workout/running-1',
    );
    expect(screen.queryByRole('link', { name: 'Start workout' })).not.toBeInTheDocument();
  });

  test('the last completed session shows its sets, total and RPE', async () => {
    renderDashboard();
    const card = (await screen.findByRole('heading', { name: 'Last completed session' })).closest(
      'section',
    )!;
    expect(card).toHaveTextContent('Total 22');
    expect(card).toHaveTextContent('RPE 7');
    const sets = within(card).getByRole('list', { name: 'Reps done per set' });
    expect(within(sets).getAllByRole('listitem')).toHaveLength(5);
    expect(within(sets).getByLabelText('none')).toBeInTheDocument();
    const open = within(card).getByRole('link');
    expect(open).toHaveAccessibleName('Open this session');
    expect(open).toHaveAttribute('href', '/sessions/done-1');
    // A full-width, 48 px-high tap target rather than a line of small text.
    expect(open).toHaveClass('min-h-12', 'w-full');
  });

  test('plan and log links lead to the session form in the right mode', async () => {
    renderDashboard();
    expect(await screen.findByRole('link', { name: 'Plan a session' })).toHaveAttribute(
      'href',
      '/sessions/new?mode=plan',
    );
    expect(screen.getByRole('link', { name: 'Log a past session' })).toHaveAttribute(
      'href',
      '/sessions/new?mode=log',
    );
  });
});

describe('the coach quota', () => {
  test('five asks left when none was used in the last 24 h', async () => {
    serve([completed], []);
    renderDashboard();
    expect(await screen.findByText('AI asks left: 5 of 5')).toBeInTheDocument();
    expect(askButton()).toBeEnabled();
    expect(screen.queryByText(/Next frees up/)).not.toBeInTheDocument();
  });

  test('no asks left: when the next frees up, and asking is disabled with the reason', async () => {
    serve([completed], generationsAt(1, 22.5, 5, 10, 3));
    renderDashboard();
    expect(await screen.findByText('AI asks left: 0 of 5')).toBeInTheDocument();
    expect(screen.getByText('Next frees up at 13:30 (in 1 h 30 min)')).toBeInTheDocument();
    expect(askButton()).toBeDisabled();
    expect(askButton()).toHaveAccessibleDescription('No asks left: the next frees up at 13:30.');
  });

  test('a slot that frees up on the next day says tomorrow, not a bare clock time', async () => {
    serve([completed], generationsAt(1, 2, 3, 4, 5));
    renderDashboard();
    expect(await screen.findByText('AI asks left: 0 of 5')).toBeInTheDocument();
    expect(screen.getByText(/Next frees up/)).toHaveTextContent(
      'Next frees up tomorrow at 07:00 (in 19 h)',
    );
    expect(askButton()).toHaveAccessibleDescription(
      'No asks left: the next frees up tomorrow at 07:00.',
    );
  });

  test('asking is disabled while a session is active', async () => {
    serve([planned, completed]);
    renderDashboard();
    expect(await screen.findByText('AI asks left: 4 of 5')).toBeInTheDocument();
    expect(askButton()).toBeDisabled();
    expect(askButton()).toHaveAccessibleDescription(
      'Finish or delete your active session before asking the coach for another.',
    );
  });
});

describe('asking the coach', () => {
  test('shows progress, then the new session with its note', async () => {
    let answer: (value: { data: unknown; response: Response }) => void = () => {};
    invoke.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    expect(screen.getByText('The coach is planning your next session…')).toBeInTheDocument();
    expect(screen.getByText('This can take up to 15 seconds.')).toBeInTheDocument();
    expect(invoke).toHaveBeenCalledWith('generate-session', { body: {} });

    serve([planned, completed], generationsAt(3, 0));
    answer({
      data: { session: planned, quota: { limit: 5, used: 2, remaining: 3, next_slot_at: '' } },
      response: new Response(null, { status: 201 }),
    });
    expect(await screen.findByText('The coach planned your next session.')).toBeInTheDocument();
    expect(screen.getByText(planned.ai_comment!)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start workout' })).toHaveAttribute(
      'href',
      '/workout/planned-1',
    );
    // The refetch after the ask brought the used slot in.
    expect(await screen.findByText('AI asks left: 3 of 5')).toBeInTheDocument();
    expect(askButton()).toBeDisabled();
  });

  test('two quick taps spend one ask: the second is ignored while the first is out', async () => {
    invoke.mockImplementation(() => new Promise(() => {}));
    renderDashboard();
    const button = await screen.findByRole('button', { name: 'Ask the coach' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText('The coach is planning your next session…')).toBeVisible();
    expect(askButton()).toBeDisabled();
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  test('409: an active session exists, with a link to it', async () => {
    invoke.mockRejectedValue(
      new FunctionError(409, 'active_session_exists', 'raw', { session_id: 'other-9' }),
    );
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'You already have a planned or in-progress session. Finish or delete it before asking the coach for another.',
    );
    expect(within(alert).getByRole('link', { name: 'Open your active session' })).toHaveAttribute(
      'href',
      '/sessions/other-9',
    );
  });

  test('429: when the next ask frees up, and planning by hand', async () => {
    invoke.mockRejectedValue(
      new FunctionError(429, 'rate_limited', 'raw', { retry_after_seconds: 3900 }, 3900),
    );
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      "You've used your 5 asks of the last 24 hours; the next frees up in 1 h 5 min (at 13:05).",
    );
    expect(within(alert).getByRole('link', { name: 'Plan a session yourself' })).toHaveAttribute(
      'href',
      '/sessions/new?mode=plan',
    );
  });

  test.each([
    [502, 'ai_error', "The coach couldn't answer; this ask still counts."],
    [504, 'ai_timeout', 'The coach took too long to answer; this ask still counts.'],
  ])('%i: the ask still counts; try again or plan it yourself', async (status, code, sentence) => {
    invoke.mockRejectedValueOnce(new FunctionError(status, code, 'raw'));
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${sentence} Try again or plan it yourself.`);
    expect(within(alert).getByRole('link', { name: 'Plan it yourself' })).toHaveAttribute(
      'href',
      '/sessions/new?mode=plan',
    );

    invoke.mockResolvedValueOnce({
      data: { session: planned, quota: { limit: 5, used: 3, remaining: 2, next_slot_at: '' } },
      response: new Response(null, { status: 201 }),
    });
    serve([planned, completed]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The coach planned your next session.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  test('400 baseline_required: off to the first-run question', async () => {
    invoke.mockRejectedValue(new FunctionError(400, 'baseline_required', 'raw'));
    renderDashboard();
    await userEvent.click(await screen.findByRole('button', { name: 'Ask the coach' }));
    expect(await screen.findByText('welcome at /welcome')).toBeInTheDocument();
  });
});
