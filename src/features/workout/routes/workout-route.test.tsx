import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { trackEvent } from '@/lib/track-event';
import type { Sets } from '@shared/session-model';
import { sessionsTable } from '@/test/sessions-table';
import { sessionRow } from '../test/session-row';
import { reloadStore, renderWorkout, resetWorkoutStore } from '../test/render-workout';
import { freshWorkout, useWorkoutStore, type Workout } from '../stores/workout-store';

vi.mock('@/lib/db', async () => ({ db: (await import('@/test/fake-db')).fakeDb }));
vi.mock('@/lib/track-event', () => ({ trackEvent: vi.fn() }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'UTC' }));

const NOON = new Date('2025-06-10T12:00:00Z');
const HOUR = 60 * 60 * 1000;

/** A session already running on this phone and on the server. */
function seedRunning(overrides: Partial<Workout> = {}) {
  const row = sessionRow({ status: 'in_progress' });
  sessionsTable.rows.push(row);
  useWorkoutStore.setState({
    workout: { ...freshWorkout(row.id, [8, 7, 6, 6, 5], {}), ...overrides },
  });
  return row;
}

const patches = () =>
  sessionsTable.requests.filter((r) => r.method === 'PATCH').map((r) => r.patch);
const stored = () => useWorkoutStore.getState().workout;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOON);
  sessionsTable.reset();
  resetWorkoutStore();
  vi.mocked(trackEvent).mockClear();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('loading the session', () => {
  test('an unknown session gets a friendly message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWorkout('00000000-0000-4000-8000-999999999999');
    expect(await screen.findByRole('heading', { name: 'Session not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /back to today/i })).toHaveAttribute('href', '/');
  });

  test('a lost connection while loading says so, with a way to retry', async () => {
    const row = sessionRow();
    sessionsTable.rows.push(row);
    sessionsTable.offline = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWorkout(row.id);
    expect(await screen.findByRole('alert')).toHaveTextContent(/offline/i);
    sessionsTable.offline = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Ready to train?' })).toBeInTheDocument();
  });

  test('a finished session shows its summary instead of a workout', async () => {
    const row = sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 2 * HOUR).toISOString(),
      rpe: 7,
    });
    sessionsTable.rows.push(row);
    renderWorkout(row.id);
    expect(await screen.findByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
    expect(screen.getByText('32')).toBeInTheDocument();
  });
});

describe('starting a planned session', () => {
  test('shows the plan and starts it: in progress, dated now', async () => {
    const row = sessionRow({ session_date: new Date(NOON.getTime() - 2 * HOUR).toISOString() });
    sessionsTable.rows.push(row);
    renderWorkout(row.id);

    expect(await screen.findByRole('heading', { name: 'Ready to train?' })).toBeInTheDocument();
    expect(screen.getByText(/Total:/)).toHaveTextContent('Total: 32 reps');
    expect(screen.queryByText('Rest first?')).not.toBeInTheDocument();
    expect(screen.queryByText(/^Planned for/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start workout' }));

    expect(await screen.findByRole('heading', { name: 'Set 1 of 5' })).toBeInTheDocument();
    await waitFor(() =>
      expect(patches()).toEqual([{ status: 'in_progress', session_date: NOON.toISOString() }]),
    );
    expect(sessionsTable.rows[0]?.status).toBe('in_progress');
    expect(trackEvent).not.toHaveBeenCalled();
  });

  test('a session planned for another day says so and asks before moving it to today', async () => {
    const row = sessionRow({ session_date: new Date(NOON.getTime() + 24 * HOUR).toISOString() });
    sessionsTable.rows.push(row);
    renderWorkout(row.id);

    expect(await screen.findByText('Planned for Wednesday 11 June')).toBeInTheDocument();
    expect(screen.getByText(/planned for tomorrow/)).toHaveTextContent(
      'This session is planned for tomorrow. Train it today instead?',
    );
    expect(screen.queryByRole('button', { name: 'Start workout' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Keep it for Wednesday 11 June' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(patches()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Train it today' }));
    expect(await screen.findByRole('heading', { name: 'Set 1 of 5' })).toBeInTheDocument();
    await waitFor(() =>
      expect(patches()).toEqual([{ status: 'in_progress', session_date: NOON.toISOString() }]),
    );
  });

  test('less than 24 h after the last session: a rest warning, tracked, that the athlete may override', async () => {
    const last = sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 30 * HOUR).toISOString(),
    });
    const recent = sessionRow({
      status: 'failed',
      session_date: new Date(NOON.getTime() - 20 * HOUR).toISOString(),
    });
    const row = sessionRow();
    sessionsTable.rows.push(last, recent, row);
    renderWorkout(row.id);

    expect(await screen.findByText('Rest first?')).toBeInTheDocument();
    expect(screen.getByText(/20 hours ago/)).toBeInTheDocument();
    expect(screen.queryByText('Second session today')).not.toBeInTheDocument();
    expect(trackEvent).toHaveBeenCalledTimes(1);
    expect(trackEvent).toHaveBeenCalledWith({
      event_type: 'rest_period_warning_shown',
      event_data: expect.objectContaining({
        hours_since_last: 20,
        last_session_id: recent.id,
        context: 'start_session',
      }),
    });

    await userEvent.click(screen.getByRole('button', { name: 'Start anyway' }));
    expect(await screen.findByRole('heading', { name: 'Set 1 of 5' })).toBeInTheDocument();
    expect(trackEvent).toHaveBeenLastCalledWith({
      event_type: 'rest_period_warning_ignored',
      event_data: expect.objectContaining({
        last_session_id: recent.id,
        context: 'start_session',
        session_id: row.id,
      }),
    });
  });

  test('a second session on the same calendar day is warned about too', async () => {
    const earlier = sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 3 * HOUR).toISOString(),
    });
    const row = sessionRow();
    sessionsTable.rows.push(earlier, row);
    renderWorkout(row.id);
    expect(await screen.findByText('Second session today')).toBeInTheDocument();
    expect(screen.getByText('Rest first?')).toBeInTheDocument();
  });
});

describe('recording sets', () => {
  test('one set at a time: the stepper starts at the target, Done saves the reps and starts the rest', async () => {
    const row = seedRunning();
    renderWorkout(row.id);

    expect(screen.getByRole('heading', { name: 'Set 1 of 5' })).toBeInTheDocument();
    expect(screen.getByText(/Target:/)).toHaveTextContent('Target: 8 reps');
    const reps = screen.getByRole('spinbutton', { name: 'Reps done' });
    expect(reps).toHaveValue('8');
    await userEvent.click(screen.getByRole('button', { name: 'Reps done: one more' }));
    expect(reps).toHaveValue('9');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(screen.getByRole('heading', { name: 'Rest' })).toBeInTheDocument();
    expect(screen.getByText('Next: set 2 of 5, target 7 reps')).toBeInTheDocument();
    await waitFor(() => expect(patches()).toEqual([{ set_1: 9 }]));
    expect(sessionsTable.rows[0]?.set_1).toBe(9);

    await userEvent.click(screen.getByRole('button', { name: 'Skip rest' }));
    expect(screen.getByRole('heading', { name: 'Set 2 of 5' })).toBeInTheDocument();
    const second = screen.getByRole('spinbutton', { name: 'Reps done' });
    expect(second).toHaveValue('7');
    await userEvent.clear(second);
    await userEvent.type(second, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    // Zero reps are stored as "not done".
    await waitFor(() => expect(patches().at(-1)).toEqual({ set_2: null }));
    expect(stored()?.done).toEqual([9, 0, 0, 0, 0]);
  });

  test('typing a number out of range is refused next to the field, not clamped; the keyboard steps', async () => {
    const row = seedRunning();
    renderWorkout(row.id);
    const reps = screen.getByRole('spinbutton', { name: 'Reps done' });

    await userEvent.clear(reps);
    await userEvent.type(reps, '61');
    expect(reps).toHaveValue('61');
    expect(reps).toHaveAccessibleDescription('61 is more than 60, the most allowed. Still 6.');
    expect(stored()?.draft).toBe(6);
    await userEvent.clear(reps);
    await userEvent.type(reps, '9');
    expect(reps).not.toHaveAttribute('aria-invalid');
    expect(stored()?.draft).toBe(9);
    await userEvent.keyboard('{ArrowUp}{PageUp}');
    expect(reps).toHaveValue('15');

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(patches()).toEqual([{ set_1: 15 }]));
  });

  test("the rest length comes from the plan: a strength plan's few reps get minutes", async () => {
    const row = sessionRow({ set_1: 4, set_2: 3, set_3: 3, set_4: 2, set_5: 2, total_reps: 14 });
    sessionsTable.rows.push(row);
    renderWorkout(row.id);
    expect(await screen.findByLabelText('Rest between sets')).toHaveValue('3:00');
    await userEvent.click(screen.getByRole('button', { name: '+15 s rest' }));
    await userEvent.click(screen.getByRole('button', { name: 'Start workout' }));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('timer')).toHaveTextContent('3:15');
  });

  test('the default rest length is adjustable and used for the next rest', async () => {
    const row = seedRunning();
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: '+15 s rest' }));
    expect(screen.getByLabelText('Rest between sets')).toHaveValue('2:15');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('timer')).toHaveTextContent('2:15');
    expect(useWorkoutStore.getState().restSeconds).toBe(135);
  });
});

describe('typing the rest length', () => {
  test('takes minutes and seconds, steps by the arrow keys, and refuses what it cannot take', async () => {
    const row = seedRunning();
    renderWorkout(row.id);
    const field = screen.getByLabelText('Rest between sets');
    await userEvent.clear(field);
    await userEvent.type(field, '2:45{Enter}');
    expect(useWorkoutStore.getState().restSeconds).toBe(165);
    await userEvent.keyboard('{ArrowUp}');
    expect(field).toHaveValue('3:00');

    await userEvent.clear(field);
    await userEvent.type(field, '12:00{Enter}');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('12:00 is more than 10:00, the longest rest. Still 3:00.'),
    );
    expect(useWorkoutStore.getState().restSeconds).toBe(180);

    await userEvent.clear(field);
    await userEvent.type(field, 'soon');
    await userEvent.tab();
    expect(field).toHaveAccessibleDescription(expect.stringContaining('like 2:30'));
    expect(useWorkoutStore.getState().restSeconds).toBe(180);
  });
});

/** Resting two minutes after set 1 (8 reps). */
const seedRestingAfterSetOne = () =>
  seedRunning({
    phase: 'rest',
    setIndex: 1,
    done: [8, 0, 0, 0, 0],
    draft: 7,
    restEndsAt: NOON.getTime() + 120_000,
  });

/** A vibration the test can watch. */
function watchVibration() {
  const vibrate = vi.fn(() => true);
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  return vibrate;
}

describe("the athlete's own numbers", () => {
  function seedHistory() {
    const day = 24 * HOUR;
    const older = sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 9 * day).toISOString(),
      set_1: 11,
      set_2: 6,
      total_reps: 11 + 6 + 6 + 6 + 5,
    });
    const failed = sessionRow({
      status: 'failed',
      session_date: new Date(NOON.getTime() - 6 * day).toISOString(),
      set_1: 14,
      set_2: 3,
      set_3: null,
      set_4: null,
      set_5: null,
      total_reps: 17,
    });
    const last = sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 2 * day).toISOString(),
      set_1: 9,
      set_2: 8,
      set_3: 6,
      set_4: 5,
      set_5: 1,
      total_reps: 29,
    });
    sessionsTable.rows.push(older, failed, last);
  }

  test('each set shows what was done on it last time and the best on it', async () => {
    seedHistory();
    const row = seedRunning();
    renderWorkout(row.id);
    // Best from completed sessions only (the failed 14 is no record); last from the last one.
    expect(await screen.findByText(/Set 1 last time/)).toHaveTextContent(
      'Set 1 last time: 9 · your best: 11',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.getByText(/Set 2 last time/)).toHaveTextContent(
      'Set 2 last time: 8 · your best: 8',
    );
  });

  test('the finish screen compares today with last time', async () => {
    seedHistory();
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));
    expect(await screen.findByText(/than last time/)).toHaveTextContent(
      '3 more reps than last time (29 on Sun 8 Jun).',
    );
  });

  test('a first workout shows no comparison at all', async () => {
    const row = seedRunning();
    renderWorkout(row.id);
    await waitFor(() => expect(sessionsTable.requests.length).toBeGreaterThan(1));
    expect(screen.queryByText(/last time/)).not.toBeInTheDocument();
  });
});

describe('the rest timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOON);
  });

  test('counts down, takes +15 s, and at zero vibrates and moves to the next set', async () => {
    const vibrate = watchVibration();
    const row = seedRestingAfterSetOne();
    renderWorkout(row.id);

    expect(screen.getByRole('timer')).toHaveTextContent('2:00');
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('timer')).toHaveTextContent('1:30');
    fireEvent.click(screen.getByRole('button', { name: '+15 s' }));
    act(() => vi.advanceTimersByTime(250));
    expect(screen.getByRole('timer')).toHaveTextContent('1:45');
    expect(vibrate).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(105_000));
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Set 2 of 5' })).toBeInTheDocument();
    Reflect.deleteProperty(navigator, 'vibrate');
  });

  test('skip ends the rest at once, without the alarm', () => {
    const vibrate = watchVibration();
    const row = seedRestingAfterSetOne();
    renderWorkout(row.id);
    fireEvent.click(screen.getByRole('button', { name: 'Skip rest' }));
    expect(screen.getByRole('heading', { name: 'Set 2 of 5' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(200_000));
    expect(vibrate).not.toHaveBeenCalled();
    Reflect.deleteProperty(navigator, 'vibrate');
  });

  test('back from the background, the countdown shows the true time at once', () => {
    const row = seedRestingAfterSetOne();
    renderWorkout(row.id);
    expect(screen.getByRole('timer')).toHaveTextContent('2:00');
    // Background timers are throttled: the clock moved on, no tick ran.
    vi.setSystemTime(NOON.getTime() + 75_000);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByRole('timer')).toHaveTextContent('0:45');
    Reflect.deleteProperty(navigator, 'vibrate');
  });

  describe('the alert when the app is in the background', () => {
    let showNotification: ReturnType<typeof vi.fn>;
    let requestPermission: ReturnType<typeof vi.fn>;
    let visibility: DocumentVisibilityState;
    beforeEach(() => {
      showNotification = vi.fn(async () => undefined);
      requestPermission = vi.fn(async () => 'granted');
      visibility = 'visible';
      vi.stubGlobal('Notification', { permission: 'granted', requestPermission });
      Object.defineProperty(navigator, 'serviceWorker', {
        configurable: true,
        value: {
          getRegistration: async () => ({ showNotification, getNotifications: async () => [] }),
        },
      });
      vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      Reflect.deleteProperty(navigator, 'serviceWorker');
      Reflect.deleteProperty(navigator, 'vibrate');
    });

    test('a rest ending while the app is hidden notifies through the service worker', async () => {
      const row = seedRestingAfterSetOne();
      renderWorkout(row.id);
      visibility = 'hidden';
      await act(async () => {
        vi.advanceTimersByTime(120_000);
      });
      await vi.waitFor(() =>
        expect(showNotification).toHaveBeenCalledWith(
          'Rest is over',
          expect.objectContaining({ body: 'Set 2 of 5: target 7 reps', tag: 'rest-over' }),
        ),
      );
    });

    test('on screen, the screen and the vibration tell: no notification', async () => {
      const vibrate = watchVibration();
      const row = seedRestingAfterSetOne();
      renderWorkout(row.id);
      await act(async () => {
        vi.advanceTimersByTime(120_000);
      });
      expect(vibrate).toHaveBeenCalledTimes(1);
      expect(showNotification).not.toHaveBeenCalled();
    });

    test('permission is asked when the first rest starts, not before', () => {
      vi.stubGlobal('Notification', { permission: 'default', requestPermission });
      const row = seedRunning();
      renderWorkout(row.id);
      expect(requestPermission).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: 'Done' }));
      expect(requestPermission).toHaveBeenCalledTimes(1);
      expect(screen.getByRole('heading', { name: 'Rest' })).toBeInTheDocument();
    });
  });

  test('a reload resumes the countdown where it really is', async () => {
    const row = seedRestingAfterSetOne();
    const first = renderWorkout(row.id);
    first.unmount();
    vi.setSystemTime(NOON.getTime() + 50_000);
    await reloadStore();
    renderWorkout(row.id);
    expect(screen.getByRole('timer')).toHaveTextContent('1:10');
  });
});

describe('finishing', () => {
  test('after the last set: optional RPE, then finish as completed', async () => {
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(screen.getByRole('heading', { name: 'All 5 sets done' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'RPE 8' }));
    expect(screen.getByRole('button', { name: 'RPE 8' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));

    expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
    expect(screen.getByText(/Total:/)).toHaveTextContent('Total: 32 reps');
    expect(screen.getAllByRole('link', { name: /back to today/i }).at(-1)).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('link', { name: 'See the session' })).toHaveAttribute(
      'href',
      `/sessions/${row.id}`,
    );
    await waitFor(() =>
      expect(sessionsTable.rows[0]).toMatchObject({
        status: 'completed',
        rpe: 8,
        total_reps: 32,
        set_5: 5,
      }),
    );
  });

  test('finish early asks first, then saves what was done as failed without RPE', async () => {
    const row = seedRunning({ setIndex: 2, done: [8, 7, 0, 0, 0], draft: 6 });
    renderWorkout(row.id);

    await userEvent.click(screen.getByRole('button', { name: 'Finish early (failed)' }));
    const dialog = screen.getByRole('dialog', { name: 'Finish early?' });
    expect(dialog).toHaveTextContent('2 sets, 15 reps');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep training' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Set 3 of 5' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Finish early (failed)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Finish as failed' }));
    expect(screen.getByRole('heading', { name: 'Workout saved as failed' })).toBeInTheDocument();
    await waitFor(() =>
      expect(patches().at(-1)).toEqual({
        set_1: 8,
        set_2: 7,
        set_3: null,
        set_4: null,
        set_5: null,
        status: 'failed',
        rpe: null,
      }),
    );
    expect(sessionsTable.rows[0]).toMatchObject({ status: 'failed', total_reps: 15, rpe: null });
  });

  test('a done set is corrected by tapping its tile; the correction is what is saved', async () => {
    const row = seedRunning({ setIndex: 2, done: [60, 7, 0, 0, 0], draft: 6 });
    renderWorkout(row.id);

    await userEvent.click(screen.getByRole('button', { name: 'Set 1 60 reps done. Correct it' }));
    const editor = screen.getByRole('region', { name: 'Correct set 1' });
    for (let i = 0; i < 3; i++)
      await userEvent.click(within(editor).getByRole('button', { name: 'Set 1 reps: one less' }));
    await userEvent.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect(stored()?.done).toEqual([60, 7, 0, 0, 0]);

    await userEvent.click(screen.getByRole('button', { name: 'Set 1 60 reps done. Correct it' }));
    const input = within(screen.getByRole('region', { name: 'Correct set 1' })).getByRole(
      'spinbutton',
    );
    await userEvent.clear(input);
    await userEvent.type(input, '6');
    await userEvent.click(screen.getByRole('button', { name: 'Save correction' }));

    expect(screen.queryByRole('region', { name: 'Correct set 1' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set 1 6 reps done. Correct it' })).toBeVisible();
    // The set being done is untouched.
    expect(screen.getByRole('heading', { name: 'Set 3 of 5' })).toBeInTheDocument();
    expect(stored()).toMatchObject({ done: [6, 7, 0, 0, 0], setIndex: 2, draft: 6 });
    await waitFor(() => expect(sessionsTable.rows[0]?.set_1).toBe(6));
  });

  test('after the last set every set stays editable with its total, before anything is final', async () => {
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(screen.getByRole('heading', { name: 'Check your sets' })).toBeInTheDocument();
    expect(
      screen.getAllByRole('spinbutton').map((input) => (input as HTMLInputElement).value),
    ).toEqual(['8', '7', '6', '6', '5']);
    await userEvent.click(screen.getByRole('button', { name: 'Set 2: one less' }));
    expect(screen.getByText(/Total:/)).toHaveTextContent('Total: 31 reps');
    await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));

    expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
    await waitFor(() =>
      expect(sessionsTable.rows[0]).toMatchObject({
        status: 'completed',
        set_2: 6,
        total_reps: 31,
      }),
    );
  });

  test('with every set done, failing it is a deliberate, confirmed choice', async () => {
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(screen.queryByRole('button', { name: 'Finish early (failed)' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save as failed instead…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save this workout as failed?' });
    expect(dialog).toHaveTextContent('You did all 5 sets (32 reps)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(stored()?.phase).toBe('rpe');

    await userEvent.click(screen.getByRole('button', { name: 'Save as failed instead…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save as failed' }));
    expect(screen.getByRole('heading', { name: 'Workout saved as failed' })).toBeInTheDocument();
    await waitFor(() =>
      expect(sessionsTable.rows[0]).toMatchObject({ status: 'failed', total_reps: 32 }),
    );
  });

  test('online, the finish screen never claims the workout is only on this phone', async () => {
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(sessionsTable.rows[0]?.set_5).toBe(5));

    let release = () => {};
    sessionsTable.hold = new Promise((resolve) => (release = resolve));
    await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));
    expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
    // The save is under way: "Saving…", not "Saved on this phone".
    expect(await screen.findByText('Saving…')).toBeInTheDocument();
    expect(screen.queryByText(/Saved on this phone/)).not.toBeInTheDocument();

    sessionsTable.hold = null;
    release();
    await waitFor(() => expect(sessionsTable.rows[0]?.status).toBe('completed'));
    await waitFor(() => expect(screen.queryByText('Saving…')).not.toBeInTheDocument());
    expect(screen.queryByText(/Saved on this phone/)).not.toBeInTheDocument();
  });

  test('completed needs at least one set with reps: otherwise it is offered as failed', async () => {
    const row = seedRunning({ setIndex: 4, done: [0, 0, 0, 0, 0], draft: 0 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(
      screen.getByText(
        'A completed session needs at least one set with reps. You can save it as failed.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finish: completed' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Finish: failed' }));
    expect(screen.getByRole('heading', { name: 'Workout saved as failed' })).toBeInTheDocument();
    await waitFor(() => expect(sessionsTable.rows[0]?.status).toBe('failed'));
  });
});

describe('surviving reloads and lost connections', () => {
  test('a reload resumes at the same set with the same reps', async () => {
    const row = sessionRow();
    sessionsTable.rows.push(row);
    const first = renderWorkout(row.id);
    await userEvent.click(await screen.findByRole('button', { name: 'Start workout' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reps done: one less' }));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Skip rest' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reps done: one more' }));
    first.unmount();

    await reloadStore();
    renderWorkout(row.id);
    expect(screen.getByRole('heading', { name: 'Set 2 of 5' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Reps done' })).toHaveValue('8');
    expect(
      within(screen.getByRole('list', { name: 'Sets' })).getAllByRole('listitem')[0],
    ).toHaveTextContent('7');
  });

  test('a stored workout that does not parse is dropped, not trusted', async () => {
    const row = seedRunning({ setIndex: 1, done: [8, 0, 0, 0, 0], draft: 7 });
    const key = useWorkoutStore.persist.getOptions().name ?? '';
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as {
      state: { workout: { setIndex: number } };
    };
    saved.state.workout.setIndex = 17;
    localStorage.setItem(key, JSON.stringify(saved));
    useWorkoutStore.setState({ workout: null });
    localStorage.setItem(key, JSON.stringify(saved));
    await useWorkoutStore.persist.rehydrate();
    expect(stored()).toBeNull();
    // The server still knows the session is in progress: the workout carries on from there.
    renderWorkout(row.id);
    expect(await screen.findByRole('heading', { name: 'Set 1 of 5' })).toBeInTheDocument();
  });

  test('offline: a failed save keeps the change on the phone and retries when the connection returns', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const row = seedRunning();
    renderWorkout(row.id);
    sessionsTable.offline = true;
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByText('Offline — saved on this phone, will sync')).toBeInTheDocument();
    expect(stored()?.pending).toEqual({ set_1: 8 });
    expect(patches()).toEqual([{ set_1: 8 }]);

    // Still offline: the next set is kept too, merged with the first.
    await userEvent.click(screen.getByRole('button', { name: 'Skip rest' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reps done: one more' }));
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(stored()?.pending).toEqual({ set_1: 8, set_2: 8 }));

    sessionsTable.offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(stored()?.pending).toEqual({}));
    expect(patches().at(-1)).toEqual({ set_1: 8, set_2: 8 });
    expect(sessionsTable.rows[0]).toMatchObject({ set_1: 8, set_2: 8 });
    expect(screen.queryByText('Offline — saved on this phone, will sync')).not.toBeInTheDocument();
  });

  test('navigator.onLine false: nothing is sent until the online event', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const row = seedRunning({ setIndex: 4, done: [8, 7, 6, 6, 0], draft: 5 });
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));

    expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
    expect(screen.getByText(/Saved on this phone/)).toBeInTheDocument();
    expect(screen.getByText('Offline — saved on this phone, will sync')).toBeInTheDocument();
    expect(patches()).toEqual([]);

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() =>
      expect(sessionsTable.rows[0]).toMatchObject({ status: 'completed', total_reps: 32 }),
    );
    expect(screen.queryByText(/Saved on this phone/)).not.toBeInTheDocument();
  });

  test('a save the server refuses shows why and keeps what was entered', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const row = seedRunning();
    sessionsTable.rows = [];
    renderWorkout(row.id);
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That session does not exist or is not yours. What you entered is kept on this phone.',
    );
    expect(stored()?.pending).toEqual({ set_1: 8 });
  });

  test('a finish whose answer was lost is recognised on retry, not repeated forever', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const row = sessionRow({ status: 'completed', set_5: 5, rpe: 8 });
    sessionsTable.rows.push(row);
    const done: Sets = [8, 7, 6, 6, 5];
    useWorkoutStore.setState({
      workout: {
        ...freshWorkout(row.id, done, {}),
        phase: 'finished',
        outcome: 'completed',
        done,
        rpe: 8,
        pending: { status: 'completed', rpe: 8, set_1: 8, set_2: 7, set_3: 6, set_4: 6, set_5: 5 },
      },
    });
    renderWorkout(row.id);
    await waitFor(() => expect(stored()?.pending).toEqual({}));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
  });
});
