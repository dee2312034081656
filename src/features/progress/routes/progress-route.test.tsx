import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressSession } from '@/lib/progress-records';
import { FINISHED_PAGE_SIZE } from '@/lib/session-queries';
import { formatDay } from '../lib/format-day';
import { dbRequests, methods, resetFakeDb, setDbHandler, type DbResult } from '@/test/fake-db';
import { renderProgress } from '../test/render-progress';
import { expectPlanOrLogLinks } from '@/test/expect-plan-or-log-links';

// A shared 2-core machine: give slow renders room before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

vi.mock('@/lib/db', async () => ({ db: (await import('@/test/fake-db')).fakeDb }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'Europe/Warsaw' }));

const TZ = 'Europe/Warsaw';

function row(
  n: number,
  session_date: string,
  sets: number[],
  status: 'completed' | 'failed' = 'completed',
  rpe: number | null = null,
): ProgressSession {
  const stored = sets.map((reps) => (reps > 0 ? reps : null));
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    session_date,
    status,
    set_1: stored[0] ?? null,
    set_2: stored[1] ?? null,
    set_3: stored[2] ?? null,
    set_4: stored[3] ?? null,
    set_5: stored[4] ?? null,
    total_reps: sets.reduce((sum, reps) => sum + reps, 0),
    rpe,
  };
}

// Three weeks in a row, then a gap, then a failed session: known records.
const history = [
  row(1, '2025-06-02T06:00:00Z', [8, 7, 6, 6, 5], 'completed', 7), // 32
  row(2, '2025-06-10T06:00:00Z', [10, 8, 7, 6, 6], 'completed', 8), // 37, best set 10
  row(3, '2025-06-17T06:00:00Z', [9, 9, 8, 8, 7], 'completed', 9), // 41: best session, 3 weeks
  row(4, '2025-07-01T06:00:00Z', [12, 10, 0, 0, 0], 'failed'), // failed: no record
];

beforeEach(() => resetFakeDb());
afterEach(() => vi.restoreAllMocks());

describe('ProgressRoute', () => {
  it('shows a loading state first', () => {
    setDbHandler(() => new Promise<DbResult>(() => {}));
    renderProgress();
    expect(screen.getByRole('heading', { level: 1, name: 'Progress' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading your progress…');
  });

  it('asks for finished sessions only, oldest first, with the columns it needs', async () => {
    setDbHandler(() => ({ data: history }));
    renderProgress();
    await screen.findByRole('heading', { name: 'Personal records' });
    expect(dbRequests).toHaveLength(1);
    const [request] = dbRequests;
    expect(request?.table).toBe('sessions');
    expect(methods(request!, 'select')[0]?.[0]).toBe(
      'id, session_date, status, set_1, set_2, set_3, set_4, set_5, total_reps, rpe',
    );
    expect(methods(request!, 'in')).toEqual([['status', ['completed', 'failed']]]);
    expect(methods(request!, 'order')[0]).toEqual(['session_date', { ascending: true }]);
    expect(methods(request!, 'range')).toEqual([[0, FINISHED_PAGE_SIZE - 1]]);
  });

  it('shows each personal record with the date it was set', async () => {
    setDbHandler(() => ({ data: history }));
    renderProgress();
    const records = within(await screen.findByRole('region', { name: 'Personal records' }));
    const item = (title: string) => records.getByText(title).parentElement!;
    expect(item('Best set')).toHaveTextContent('10 reps');
    expect(item('Best set')).toHaveTextContent(`Set on ${formatDay(history[1]!.session_date, TZ)}`);
    expect(item('Best session')).toHaveTextContent('41 reps');
    expect(item('Best session')).toHaveTextContent(
      `Set on ${formatDay(history[2]!.session_date, TZ)}`,
    );
    expect(item('Longest streak')).toHaveTextContent('3 weeks');
    // A streak spans weeks: no "Set on" a single day.
    expect(item('Longest streak')).toHaveTextContent(
      '3 weeksFrom the week of 2 Jun 2025 to the week of 16 Jun 2025',
    );
  });

  it('draws each chart as a labelled image with its numbers in a table', async () => {
    setDbHandler(() => ({ data: history }));
    renderProgress();
    const totals = await screen.findByRole('region', { name: 'Total reps per session' });
    expect(within(totals).getByRole('img')).toHaveAccessibleName(
      /Total reps for 4 sessions from .+: latest 22, highest 41; 1 failed\./,
    );
    // Completed points are filled, the failed one is a ring; the legend says which is which.
    const circles = within(totals).getByRole('img').querySelectorAll('circle');
    expect([...circles].map((c) => c.getAttribute('class'))).toEqual([
      'fill-current',
      'fill-current',
      'fill-current',
      'fill-white dark:fill-slate-950',
    ]);
    expect(within(totals).getByRole('list', { name: 'Legend' })).toHaveTextContent(
      /Completed.*Failed/,
    );
    // The numbers are folded away until asked for.
    expect(within(totals).queryByRole('table')).not.toBeInTheDocument();
    await userEvent.click(within(totals).getByText('Show the numbers'));
    const table = await within(totals).findByRole('table', { name: 'Total reps per session' });
    expect(within(table).getAllByRole('row')).toHaveLength(5); // header + 4 sessions, newest first
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/Failed\s*22/);

    const best = screen.getByRole('region', { name: 'Best set per session' });
    expect(within(best).getByRole('img')).toHaveAccessibleName(/latest 12, highest 12/);

    const volume = screen.getByRole('region', { name: 'Weekly volume' });
    // Weeks of 2, 9, 16, 23 and 30 June: the gap week is drawn as 0, not skipped.
    expect(within(volume).getByRole('img').querySelectorAll('rect')).toHaveLength(5);
    await userEvent.click(within(volume).getByText('Show the numbers'));
    const volumeRows = within(await within(volume).findByRole('table')).getAllByRole('row');
    expect(volumeRows).toHaveLength(6);
    expect(volumeRows[2]).toHaveTextContent(/0\s*0$/); // week of 23 June

    const rpe = screen.getByRole('region', { name: 'Average RPE per week' });
    expect(within(rpe).getByRole('img')).toHaveAccessibleName(
      /Average RPE per week: 7 in the week of .+, 9 in the week of .+\./,
    );
  });

  it('two sessions on one day are drawn side by side, never as a vertical segment', async () => {
    setDbHandler(() => ({
      data: [
        row(1, '2025-05-01T06:00:00Z', [8, 7, 6, 6, 5]),
        row(2, '2025-06-10T06:00:00Z', [10, 8, 7, 6, 6]),
        row(3, '2025-06-10T18:00:00Z', [4, 3, 0, 0, 0], 'failed'),
      ],
    }));
    renderProgress();
    const totals = await screen.findByRole('region', { name: 'Total reps per session' });
    const xs = [...within(totals).getByRole('img').querySelectorAll('circle')].map((c) =>
      Number(c.getAttribute('cx')),
    );
    expect(xs).toHaveLength(3);
    // The same-day pair is as far apart as any two neighbours (well beyond a dot's width).
    expect(xs[2]! - xs[1]!).toBeCloseTo(xs[1]! - xs[0]!);
    expect(xs[2]! - xs[1]!).toBeGreaterThan(20);
  });

  it('shows a call to action when nothing is finished yet', async () => {
    setDbHandler(() => ({ data: [] }));
    renderProgress();
    expect(await screen.findByText('No finished sessions yet')).toBeInTheDocument();
    expectPlanOrLogLinks();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('with only failed sessions: charts, but no records and no RPE yet', async () => {
    setDbHandler(() => ({ data: [history[3]] }));
    renderProgress();
    const records = within(await screen.findByRole('region', { name: 'Personal records' }));
    expect(records.getAllByText('Complete a session to set one.')).toHaveLength(3);
    expect(screen.getByText(/No RPE recorded yet/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Total reps per session' })).getByRole('img'),
    ).toHaveAccessibleName(/Total reps for 1 session on .+: latest 22, highest 22; 1 failed\./);
  });

  it('reads a long history page by page', async () => {
    const firstPage = Array.from({ length: FINISHED_PAGE_SIZE }, (_, i) =>
      row(i + 1, new Date(Date.UTC(2020, 0, 1 + i, 10)).toISOString(), [5, 5, 5, 5, 5]),
    );
    const lastPage = [row(5000, '2025-06-02T06:00:00Z', [20, 5, 5, 5, 5])];
    setDbHandler((request) => ({
      data: methods(request, 'range')[0]?.[0] === 0 ? firstPage : lastPage,
    }));
    renderProgress();
    const records = within(await screen.findByRole('region', { name: 'Personal records' }));
    expect(dbRequests.map((r) => methods(r, 'range')[0])).toEqual([
      [0, FINISHED_PAGE_SIZE - 1],
      [FINISHED_PAGE_SIZE, 2 * FINISHED_PAGE_SIZE - 1],
    ]);
    expect(records.getByText('Best set').parentElement).toHaveTextContent('20 reps');
    // 1000 daily sessions, Wed 1 Jan 2020 to Mon 26 Sep 2022: weeks of 30 Dec 2019 to 26 Sep
    // 2022, 1001 days apart = 143 weeks apart, so 144 weeks in a row.
    expect(records.getByText('Longest streak').parentElement).toHaveTextContent('144 weeks');
    // A thousand points are slow to draw in jsdom on a busy machine: room, not a time limit.
  }, 30_000);

  it('says what went wrong in one sentence and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the query cache logs it
    let fail = true;
    setDbHandler(() =>
      fail
        ? { error: { message: 'TypeError: Failed to fetch', code: '', details: '', hint: '' } }
        : { data: history },
    );
    renderProgress();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You seem to be offline. Check your connection and try again.',
    );
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Personal records' })).toBeInTheDocument();
  });
});
