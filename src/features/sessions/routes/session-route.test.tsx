import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dbRequests, kindOf, method, resetFakeDb, sessionRow, setDbHandler } from '../test/fake-db';
import { renderRoute } from '../test/render-route';

// A shared 2-core machine: give slow renders room before a wait gives up.
configure({ asyncUtilTimeout: 5000 });

vi.mock('@/lib/db', async () => ({ db: (await import('../test/fake-db')).fakeDb }));
vi.mock('@/lib/time-zone', () => ({ athleteTimeZone: () => 'Europe/Warsaw' }));

const ID = '10000000-0000-4000-8000-000000000001';

function serve(
  row: ReturnType<typeof sessionRow>,
  deleteError: { code: string; message: string; hint?: string } | null = null,
) {
  setDbHandler((request) => {
    const kind = kindOf(request);
    if (kind === 'detail') return { data: row };
    if (kind === 'delete') return deleteError ? { error: deleteError } : { data: { id: row.id } };
    return { data: [] };
  });
}

beforeEach(() => resetFakeDb());
afterEach(() => vi.restoreAllMocks());

describe('SessionRoute', () => {
  it('shows a loading state, then the session', async () => {
    serve(sessionRow({ set_1: 6, set_2: 5 }));
    renderRoute(`/sessions/${ID}`);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the session…');
    expect(await screen.findByRole('list', { name: 'Sets' })).toHaveTextContent('65–––');
    expect(screen.getByText('Total').parentElement).toHaveTextContent('Total 11');
  });

  it('shows a not-found sentence for a session that is not there', async () => {
    setDbHandler(() => ({
      error: { code: 'PGRST116', message: 'JSON object requested, multiple (or no) rows returned' },
    }));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderRoute(`/sessions/${ID}`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That session does not exist or is not yours.',
    );
  });

  it('offers start, edit and delete for a planned session', async () => {
    serve(sessionRow({ status: 'planned', set_1: 5 }));
    renderRoute(`/sessions/${ID}`);
    expect(await screen.findByRole('link', { name: 'Start workout' })).toHaveAttribute(
      'href',
      `/workout/${ID}`,
    );
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      `/sessions/${ID}/edit`,
    );
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it('offers continue, edit and delete for a session in progress', async () => {
    serve(sessionRow({ status: 'in_progress', set_1: 5 }));
    renderRoute(`/sessions/${ID}`);
    expect(await screen.findByRole('link', { name: 'Continue workout' })).toHaveAttribute(
      'href',
      `/workout/${ID}`,
    );
    expect(screen.getByRole('link', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it.each(['completed', 'failed'] as const)('shows a %s session read-only', async (status) => {
    serve(
      sessionRow({
        status,
        set_1: 8,
        rpe: status === 'completed' ? 8 : null,
        is_ai_generated: true,
        is_modified: true,
        ai_comment: 'Steady progress.',
      }),
    );
    renderRoute(`/sessions/${ID}`);
    expect(await screen.findByText('Steady progress.')).toBeInTheDocument();
    expect(screen.getByText('Planned by the coach')).toBeInTheDocument();
    expect(screen.getByText('changed by you')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /workout|Edit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.getByText('RPE').nextElementSibling).toHaveTextContent(
      status === 'completed' ? '8' : '—',
    );
  });

  it('deletes only after confirmation, then goes back to the dashboard', async () => {
    const user = userEvent.setup();
    serve(sessionRow({ status: 'planned', set_1: 5 }));
    const { router } = renderRoute(`/sessions/${ID}`);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(dbRequests.filter((request) => kindOf(request) === 'delete')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete session' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    const deletes = dbRequests.filter((request) => kindOf(request) === 'delete');
    expect(deletes).toHaveLength(1);
    expect(method(deletes[0]!, 'eq')).toEqual(['id', ID]);
  });

  it('stays and explains when the database refuses the delete', async () => {
    const user = userEvent.setup();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    serve(sessionRow({ status: 'planned', set_1: 5 }), {
      code: 'P0001',
      message: 'Cannot delete session with status: completed',
      hint: 'session_immutable',
    });
    const { router } = renderRoute(`/sessions/${ID}`);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete session' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Completed and failed sessions are part of your history and cannot be changed.',
    );
    expect(router.state.location.pathname).toBe(`/sessions/${ID}`);
  });
});
