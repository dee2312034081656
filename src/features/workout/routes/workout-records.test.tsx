// The finish screen celebrates a personal record the just-saved session set.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Sets } from '@shared/session-model';
import { sessionQueries } from '@/lib/session-queries';
import { useWorkoutStore, type Workout } from '../stores/workout-store';
import { sessionsTable } from '@/test/sessions-table';
import { sessionRow } from '../test/session-row';
import { renderWorkout, resetWorkoutStore } from '../test/render-workout';

vi.mock('@/lib/db', async () => ({ db: (await import('@/test/fake-db')).fakeDb }));
vi.mock('@/lib/track-event', () => ({ trackEvent: vi.fn() }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'UTC' }));

const NOON = new Date('2025-06-10T12:00:00Z'); // a Tuesday
const DAY = 24 * 60 * 60 * 1000;

function seedHistoryAndRun(done: Sets) {
  // Completed in the two weeks before this one: best set 9, best session 33, 2 weeks in a row.
  sessionsTable.rows.push(
    sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 10 * DAY).toISOString(),
      set_1: 9,
      total_reps: 33,
    }),
    sessionRow({
      status: 'completed',
      session_date: new Date(NOON.getTime() - 3 * DAY).toISOString(),
      total_reps: 32,
    }),
  );
  const row = sessionRow({ status: 'in_progress' });
  sessionsTable.rows.push(row);
  const workout: Workout = {
    sessionId: row.id,
    targets: [8, 7, 6, 6, 5],
    done,
    setIndex: 4,
    draft: 0,
    phase: 'set',
    restEndsAt: null,
    rpe: null,
    outcome: null,
    pending: {},
  };
  useWorkoutStore.setState({ workout });
  return row;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOON);
  sessionsTable.reset();
  resetWorkoutStore();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test('a completed session that beats the records is celebrated once it is saved', async () => {
  const row = seedHistoryAndRun([10, 9, 8, 8, 0]);
  renderWorkout(row.id);
  await userEvent.click(screen.getByRole('button', { name: 'Done' }));
  await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));

  expect(screen.getByRole('heading', { name: 'Workout complete' })).toBeInTheDocument();
  expect(await screen.findByText('New record: best set 10!')).toBeInTheDocument();
  expect(screen.getByText('New record: best session 35 reps!')).toBeInTheDocument();
  expect(screen.getByText('New record: 3 weeks in a row!')).toBeInTheDocument();
  expect(sessionsTable.rows.find((r) => r.id === row.id)).toMatchObject({ status: 'completed' });
});

test('a session that beats nothing shows no celebration', async () => {
  const row = seedHistoryAndRun([5, 5, 5, 5, 0]);
  sessionsTable.rows = sessionsTable.rows.filter((r) => r.id === row.id || r.total_reps !== 32); // no streak
  const { queryClient } = renderWorkout(row.id);
  await userEvent.click(screen.getByRole('button', { name: 'Done' }));
  await userEvent.click(screen.getByRole('button', { name: 'Finish: completed' }));
  // The records were read after the save (the new session among them) and beat nothing.
  await waitFor(() =>
    expect(
      queryClient
        .getQueryData<Array<{ id: string }>>(sessionQueries.finished().queryKey)
        ?.map((r) => r.id),
    ).toContain(row.id),
  );
  // Let the screen render what the data says before looking for the absence of a message.
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(screen.queryByText(/New record/)).not.toBeInTheDocument();
});
