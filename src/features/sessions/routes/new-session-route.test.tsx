import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackEvent } from '@/lib/track-event';
import { zonedDayToInstant } from '@shared/calendar-days';
import {
  dbRequests,
  kindOf,
  method,
  resetFakeDb,
  sessionRow,
  setDbHandler,
  USER_ID,
  type DbRequest,
  type DbResult,
} from '../test/fake-db';
import { renderRoute } from '../test/render-route';

// A shared 2-core machine: give slow renders room before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

vi.mock('@/lib/db', async () => ({ db: (await import('../test/fake-db')).fakeDb }));
vi.mock('@/lib/track-event', () => ({ trackEvent: vi.fn() }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'Europe/Warsaw' }));
vi.mock('@/lib/auth-client', () => ({
  auth: {
    getSession: async () => ({
      data: { session: { user: { id: '00000000-0000-4000-8000-000000000001' } } },
      error: null,
    }),
  },
  accessToken: async () => 'token',
}));

// 12:00 in Warsaw (CEST) on 15 June 2025.
const NOW = new Date('2025-06-15T10:00:00Z');
const CREATED_ID = '20000000-0000-4000-8000-000000000002';
const LAST_ID = '30000000-0000-4000-8000-000000000003';

function backend(overrides: Partial<Record<string, (request: DbRequest) => DbResult>> = {}) {
  setDbHandler((request) => {
    const kind = kindOf(request);
    const custom = overrides[kind];
    if (custom) return custom(request);
    if (kind === 'active') return { data: null };
    if (kind === 'recent') return { data: [] };
    if (kind === 'insert') {
      const values = method(request, 'insert')?.[0] as Record<string, unknown>;
      return { data: sessionRow({ ...values, id: CREATED_ID }) };
    }
    if (kind === 'detail') return { data: sessionRow({ id: CREATED_ID }) };
    return { data: null };
  });
}

const inserts = () => dbRequests.filter((request) => kindOf(request) === 'insert');
const insertedValues = () => method(inserts()[0]!, 'insert')?.[0] as Record<string, unknown>;
const statusRadios = () =>
  screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).value);

async function addReps(user: ReturnType<typeof userEvent.setup>, set: number, reps: number) {
  for (let i = 0; i < reps; i += 1) {
    await user.click(screen.getByRole('button', { name: `Set ${set}: one more` }));
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  resetFakeDb();
  vi.mocked(trackEvent).mockClear();
  backend();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A recent-history answer with one finished session (5 reps in set 1) at `sessionDate`. */
function lastSession(status: 'completed' | 'failed', sessionDate: string) {
  return () => ({
    data: [sessionRow({ id: LAST_ID, status, set_1: 5, session_date: sessionDate })],
  });
}
describe('NewSessionRoute: the date rule', () => {
  it('plans today by default and offers planned, completed and failed (never in progress)', async () => {
    renderRoute('/sessions/new?mode=plan');
    expect(await screen.findByRole('heading', { name: 'Plan a session' })).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveValue('2025-06-15');
    expect(statusRadios()).toEqual(['planned', 'completed', 'failed']);
    expect(screen.getByRole('radio', { name: 'Planned' })).toBeChecked();
  });

  it('logs yesterday as completed by default', async () => {
    renderRoute('/sessions/new?mode=log');
    expect(await screen.findByLabelText('Date')).toHaveValue('2025-06-14');
    expect(statusRadios()).toEqual(['completed', 'failed']);
    expect(screen.getByRole('radio', { name: 'Completed' })).toBeChecked();
  });

  it('allows only planned on a future day and switches a finished status over', async () => {
    renderRoute('/sessions/new?mode=log');
    fireEvent.change(await screen.findByLabelText('Date'), { target: { value: '2025-06-20' } });
    expect(statusRadios()).toEqual(['planned']);
    expect(screen.getByRole('radio', { name: 'Planned' })).toBeChecked();
    expect(screen.queryByRole('group', { name: /RPE/ })).not.toBeInTheDocument();
  });

  it('allows only completed or failed on a past day', async () => {
    renderRoute('/sessions/new?mode=plan');
    fireEvent.change(await screen.findByLabelText('Date'), { target: { value: '2025-06-01' } });
    expect(statusRadios()).toEqual(['completed', 'failed']);
    expect(screen.getByRole('radio', { name: 'Completed' })).toBeChecked();
  });

  it('names the rule for a date more than 30 days ahead and does not save', async () => {
    const user = userEvent.setup();
    renderRoute('/sessions/new?mode=plan');
    fireEvent.change(await screen.findByLabelText('Date'), { target: { value: '2025-08-01' } });
    await addReps(user, 1, 3);
    await user.click(screen.getByRole('button', { name: 'Plan session' }));
    expect(
      await screen.findByText('A session can be planned at most 30 days ahead.'),
    ).toBeInTheDocument();
    expect(inserts()).toHaveLength(0);
  });
});

describe('NewSessionRoute: sets and RPE', () => {
  it('the chosen "Not recorded" is a quiet toggle, not a second look-alike of the save button', async () => {
    renderRoute('/sessions/new?mode=log');
    const notRecorded = await screen.findByRole('button', { name: 'Not recorded' });
    expect(notRecorded).toHaveAttribute('aria-pressed', 'true');
    const save = screen.getByRole('button', { name: 'Save session' });
    const fills = (element: HTMLElement) =>
      [...element.classList].filter((name) => /^(dark:)?bg-/.test(name));
    expect(fills(save).length).toBeGreaterThan(0);
    expect(fills(notRecorded).filter((name) => fills(save).includes(name))).toEqual([]);
    expect(fills(notRecorded).filter((name) => !name.includes('hover'))).toEqual([]);
    // Not stretched to the form's width as the save button is.
    expect(notRecorded).toHaveClass('self-start');
  });

  it('every set field takes typing, the stepper and the keyboard; out of range is refused, never clamped', async () => {
    const user = userEvent.setup();
    renderRoute('/sessions/new?mode=log');
    const set1 = await screen.findByRole('spinbutton', { name: 'Set 1' });

    await user.clear(set1);
    await user.type(set1, '12');
    expect(set1).toHaveValue('12');
    await user.click(screen.getByRole('button', { name: 'Set 1: one more' }));
    expect(set1).toHaveValue('13');
    await user.click(set1);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(set1).toHaveValue('11');
    await user.keyboard('{End}');
    expect(set1).toHaveValue('60');
    await user.keyboard('{Home}');
    expect(set1).toHaveValue('0');

    await user.type(set1, '{Backspace}61');
    expect(set1).toHaveValue('61');
    expect(set1).toHaveAttribute('aria-invalid', 'true');
    expect(set1).toHaveAccessibleDescription('61 is more than 60, the most allowed. Still 6.');
    await user.tab();
    // The field shows what really counts; the refusal stays beside it.
    expect(set1).toHaveValue('6');
    expect(screen.getByText('61 is more than 60, the most allowed. Still 6.')).toBeVisible();
    expect(screen.getByText(/^Total/)).toHaveTextContent('Total 6');
  });

  it('refuses to complete a session without a set above zero', async () => {
    const user = userEvent.setup();
    renderRoute('/sessions/new?mode=log');
    await user.click(await screen.findByRole('button', { name: 'Save session' }));
    expect(
      await screen.findByText('A completed session needs at least one set with reps.'),
    ).toBeInTheDocument();
    expect(inserts()).toHaveLength(0);
  });

  it('offers RPE only for a completed session and stores it with the sets', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/sessions/new?mode=log');
    expect(await screen.findByRole('group', { name: /RPE/ })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    expect(screen.queryByRole('group', { name: /RPE/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Completed' }));
    await user.click(screen.getByRole('button', { name: 'RPE 7' }));
    expect(screen.getByRole('button', { name: 'RPE 7' })).toHaveAttribute('aria-pressed', 'true');
    await addReps(user, 1, 5);
    await addReps(user, 3, 2);
    await user.click(screen.getByRole('button', { name: 'Save session' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(insertedValues()).toEqual({
      // Another day than today: stored at noon in the athlete's zone.
      session_date: zonedDayToInstant('2025-06-14', 'Europe/Warsaw').toISOString(),
      status: 'completed',
      set_1: 5,
      set_2: null,
      set_3: 2,
      set_4: null,
      set_5: null,
      rpe: 7,
      user_id: USER_ID,
    });
  });

  it('drops the RPE when the session is saved as failed', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/sessions/new?mode=log');
    await user.click(await screen.findByRole('button', { name: 'RPE 9' }));
    await user.click(screen.getByRole('radio', { name: 'Failed' }));
    await addReps(user, 1, 1);
    await user.click(screen.getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(insertedValues()).toMatchObject({ status: 'failed', rpe: null, set_1: 1 });
  });

  it('stores a session planned for today at the current time', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute('/sessions/new?mode=plan');
    await addReps(user, 2, 4);
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(insertedValues()).toMatchObject({
      session_date: NOW.toISOString(),
      status: 'planned',
      set_2: 4,
    });
  });
});

describe('NewSessionRoute: one active session', () => {
  it('says so, links to the active session and does not submit', async () => {
    const user = userEvent.setup();
    backend({
      active: () => ({
        data: { id: LAST_ID, status: 'in_progress', session_date: '2025-06-15T08:00:00+00:00' },
      }),
    });
    renderRoute('/sessions/new?mode=plan');
    const notice = await screen.findByText('You already have an active session');
    const alert = notice.closest('[role="status"]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Open your active session' })).toHaveAttribute(
      'href',
      `/sessions/${LAST_ID}`,
    );
    const submit = screen.getByRole('button', { name: 'Plan session' });
    expect(submit).toBeDisabled();
    await user.click(submit);
    expect(inserts()).toHaveLength(0);
  });

  it('does not block logging a finished session', async () => {
    const user = userEvent.setup();
    backend({
      active: () => ({ data: { id: LAST_ID, status: 'planned', session_date: NOW.toISOString() } }),
    });
    const { router } = renderRoute('/sessions/new?mode=log');
    await addReps(user, 1, 3);
    await user.click(await screen.findByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(screen.queryByText('You already have an active session')).not.toBeInTheDocument();
  });

  it('explains the database refusal (23505) in a sentence', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    backend({
      insert: () => ({
        error: {
          code: '23505',
          message: 'duplicate key value violates unique constraint "idx_one_active_session"',
        },
      }),
    });
    renderRoute('/sessions/new?mode=plan');
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You already have a planned or in-progress session. Finish or delete it before adding another.',
    );
  });
});

describe('NewSessionRoute: rest and same-day warnings', () => {
  it('less than an hour of rest reads as a sentence, not "Only less than an hour"', async () => {
    const user = userEvent.setup();
    backend({ recent: lastSession('completed', '2025-06-15T09:30:00+00:00') });
    renderRoute('/sessions/new?mode=plan');
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));
    expect(
      await screen.findByText(/^Less than an hour since your last session\. Muscles grow/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Only less than/)).not.toBeInTheDocument();
  });

  it('warns about less than 24 h of rest, tracks it, and saves on "Save anyway"', async () => {
    const user = userEvent.setup();
    // 22:00 in Warsaw the evening before: 14 h before now, another calendar day.
    backend({ recent: lastSession('completed', '2025-06-14T20:00:00+00:00') });
    const { router } = renderRoute('/sessions/new?mode=plan');
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));

    expect(await screen.findByText(/Only 14 hours since your last session/)).toBeInTheDocument();
    expect(screen.queryByText(/already trained on this day/)).not.toBeInTheDocument();
    expect(inserts()).toHaveLength(0);
    expect(trackEvent).toHaveBeenCalledTimes(1);
    expect(trackEvent).toHaveBeenCalledWith({
      event_type: 'rest_period_warning_shown',
      event_data: {
        hours_since_last: 14,
        last_session_id: LAST_ID,
        context: 'session_form',
        planned_date: NOW.toISOString(),
      },
    });

    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(inserts()).toHaveLength(1);
    expect(trackEvent).toHaveBeenLastCalledWith({
      event_type: 'rest_period_warning_ignored',
      event_data: {
        hours_since_last: 14,
        last_session_id: LAST_ID,
        context: 'session_form',
        planned_date: NOW.toISOString(),
        session_id: CREATED_ID,
      },
    });
  });

  it('lets the athlete step back from the warning without saving or tracking an override', async () => {
    const user = userEvent.setup();
    backend({
      recent: () => ({
        data: [
          sessionRow({
            id: LAST_ID,
            status: 'failed',
            set_1: 2,
            session_date: '2025-06-14T20:00:00+00:00',
          }),
        ],
      }),
    });
    renderRoute('/sessions/new?mode=plan');
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));
    await user.click(await screen.findByRole('button', { name: 'Change something' }));
    expect(screen.queryByText(/since your last session/)).not.toBeInTheDocument();
    expect(inserts()).toHaveLength(0);
    expect(trackEvent).toHaveBeenCalledTimes(1);
    expect(vi.mocked(trackEvent).mock.calls[0]?.[0].event_type).toBe('rest_period_warning_shown');
  });

  it('warns about a second session on the same calendar day in the athlete zone', async () => {
    const user = userEvent.setup();
    // 19:00 in Warsaw on 10 June: after the noon the log is stored at, so no rest warning.
    backend({ recent: lastSession('completed', '2025-06-10T17:00:00+00:00') });
    const { router } = renderRoute('/sessions/new?mode=log');
    fireEvent.change(await screen.findByLabelText('Date'), { target: { value: '2025-06-10' } });
    await addReps(user, 1, 3);
    await user.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText(/already trained on this day/)).toBeInTheDocument();
    expect(screen.queryByText(/since your last session/)).not.toBeInTheDocument();
    expect(inserts()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    // Only the rest warning is an event the backend records.
    expect(trackEvent).not.toHaveBeenCalled();
  });

  it('saves without a warning after a full day of rest', async () => {
    const user = userEvent.setup();
    backend({ recent: lastSession('completed', '2025-06-13T10:00:00+00:00') });
    const { router } = renderRoute('/sessions/new?mode=plan');
    await user.click(await screen.findByRole('button', { name: 'Plan session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${CREATED_ID}`));
    expect(trackEvent).not.toHaveBeenCalled();
  });
});
