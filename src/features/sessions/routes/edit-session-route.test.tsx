import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRow } from '@/lib/db';
import { dbRequests, kindOf, method, resetFakeDb, sessionRow, setDbHandler } from '../test/fake-db';
import { renderRoute } from '../test/render-route';

// A shared 2-core machine: give slow renders room before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

vi.mock('@/lib/db', async () => ({ db: (await import('../test/fake-db')).fakeDb }));
vi.mock('@/lib/track-event', () => ({ trackEvent: vi.fn() }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'Europe/Warsaw' }));

const ID = '10000000-0000-4000-8000-000000000001';
const NOW = new Date('2025-06-15T10:00:00Z');

/** A tiny stored session: the update trigger's is_modified rule is mirrored so the
 *  screen can show the badge the database would set. */
function store(initial: SessionRow) {
  let row = initial;
  setDbHandler((request) => {
    const kind = kindOf(request);
    if (kind === 'detail') return { data: row };
    if (kind === 'update') {
      const patch = method(request, 'update')?.[0] as Partial<SessionRow>;
      row = { ...row, ...patch, is_modified: row.is_ai_generated || row.is_modified };
      return { data: row };
    }
    return { data: [] };
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  resetFakeDb();
});
afterEach(() => vi.useRealTimers());

describe('EditSessionRoute', () => {
  it.each(['completed', 'failed'] as const)(
    'shows a %s session as read-only with a way back',
    async (status) => {
      store(sessionRow({ status, set_1: 5, session_date: '2025-06-14T10:00:00+00:00' }));
      renderRoute(`/sessions/${ID}/edit`);
      expect(await screen.findByText('This session is read-only')).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Back to the session' })).toHaveAttribute(
        'href',
        `/sessions/${ID}`,
      );
      expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    },
  );

  it("edits the coach's planned session and shows it as changed by the athlete", async () => {
    const user = userEvent.setup();
    store(
      sessionRow({
        status: 'planned',
        set_1: 5,
        set_2: 4,
        is_ai_generated: true,
        ai_comment: 'Go steady.',
        session_date: '2025-06-17T10:00:00+00:00',
      }),
    );
    const { router } = renderRoute(`/sessions/${ID}/edit`);
    expect(await screen.findByLabelText('Date')).toHaveValue('2025-06-17');
    // A future day: only planned, as the date rule says.
    expect(screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).value)).toEqual([
      'planned',
    ]);
    expect(screen.getByRole('spinbutton', { name: 'Set 1' })).toHaveValue('5');
    await user.click(screen.getByRole('button', { name: 'Set 1: one more' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${ID}`));
    const update = dbRequests.find((request) => kindOf(request) === 'update')!;
    // The day did not change, so the stored instant is kept (not sent).
    expect(method(update, 'update')?.[0]).toEqual({
      status: 'planned',
      set_1: 6,
      set_2: 4,
      set_3: null,
      set_4: null,
      set_5: null,
      rpe: null,
    });
    expect(method(update, 'eq')).toEqual(['id', ID]);
    // The detail screen may re-render as its refetch lands: look again until the badge is there.
    await waitFor(() => expect(screen.getByText('changed by you')).toBeInTheDocument());
  });

  it('moves a session in progress to completed but never back to planned', async () => {
    store(sessionRow({ status: 'in_progress', set_1: 5, session_date: NOW.toISOString() }));
    renderRoute(`/sessions/${ID}/edit`);
    await screen.findByLabelText('Date');
    expect(screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).value)).toEqual([
      'in_progress',
      'completed',
      'failed',
    ]);
  });
});
