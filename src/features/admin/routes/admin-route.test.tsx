import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type * as functions from '@/lib/functions';
import { FunctionError } from '@/lib/functions';
import { paths } from '@/lib/paths';
import { fakeSession, renderRoute } from '@/test/render-route';
import type { AdminMetrics } from '../api/admin-queries';
import { AdminRoute } from './admin-route';

const { useSession, invokeFunction } = vi.hoisted(() => ({
  useSession: vi.fn(),
  invokeFunction: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth: {}, useSession }));
vi.mock('@/lib/functions', async (importOriginal) => ({
  ...(await importOriginal<typeof functions>()),
  invokeFunction,
}));

function metrics(overrides: Partial<AdminMetrics> = {}): AdminMetrics {
  return {
    generated_at: '2026-01-05T10:00:00Z',
    users: 40,
    activation_rate: 72.5,
    ai_adoption_rate: 55,
    ai_success_rate_7d: 90,
    ai_success_rate_all: 87.5,
    ai_generations_7d: 20,
    avg_sessions_per_user: 3.25,
    sessions_by_status: { completed: 100, failed: 10, planned: 20 },
    events_last_30_days: { session_created: 130, user_registered: 12 },
    new_users_per_week: [{ week: '2025-12-29', users: 4 }],
    targets: {
      activation_rate: { target: 70, value: 72.5, met: true },
      ai_adoption_rate: { target: 60, value: 55, met: false },
    },
    ...overrides,
  };
}

function renderAdmin() {
  renderRoute(<AdminRoute />, { path: paths.admin.path });
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  useSession.mockReturnValue(fakeSession({ role: 'admin' }));
});

describe('AdminRoute', () => {
  test('athletes are told the page is for admins and the metrics are never asked for', () => {
    useSession.mockReturnValue(fakeSession());
    renderAdmin();
    expect(screen.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    expect(screen.getByText('This page is for admins')).toBeVisible();
    expect(invokeFunction).not.toHaveBeenCalled();
  });

  test('shows a loading state while the metrics come', async () => {
    invokeFunction.mockReturnValue(new Promise(() => {}));
    renderAdmin();
    expect(await screen.findByRole('status')).toHaveTextContent('Loading the metrics…');
    expect(invokeFunction).toHaveBeenCalledWith(
      'admin-metrics',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  test('marks each target met or not met in words, not colour alone', async () => {
    invokeFunction.mockResolvedValue({ data: metrics(), response: new Response() });
    renderAdmin();
    const activation = (await screen.findByRole('heading', { name: 'Activation rate' }))
      .parentElement!;
    expect(activation).toHaveTextContent('72.5 %');
    expect(activation).toHaveTextContent('Target met (target ≥ 70 %)');
    const adoption = screen.getByRole('heading', { name: 'AI adoption' }).parentElement!;
    expect(adoption).toHaveTextContent('55 %');
    expect(adoption).toHaveTextContent('Target not met (target ≥ 60 %)');
  });

  test('lists the AI success rates, usage and new users', async () => {
    invokeFunction.mockResolvedValue({ data: metrics(), response: new Response() });
    renderAdmin();
    const ai = await screen.findByRole('region', { name: 'AI coach' });
    expect(within(ai).getByText('Success rate, last 7 days').nextSibling).toHaveTextContent('90 %');
    expect(within(ai).getByText('Success rate, overall').nextSibling).toHaveTextContent('87.5 %');
    const usage = screen.getByRole('region', { name: 'Usage' });
    expect(within(usage).getByText('Users').nextSibling).toHaveTextContent('40');
    expect(within(usage).getByText('Sessions per user').nextSibling).toHaveTextContent('3.25');
    expect(within(usage).getByText('Sessions failed').nextSibling).toHaveTextContent('10');
    expect(screen.getByText('Week of 29 Dec 2025').nextSibling).toHaveTextContent('4');
  });

  test('dates read as in the rest of the app', async () => {
    invokeFunction.mockResolvedValue({ data: metrics(), response: new Response() });
    renderAdmin();
    const generated = new Date('2026-01-05T10:00:00Z');
    const clock = `${String(generated.getHours()).padStart(2, '0')}:${String(generated.getMinutes()).padStart(2, '0')}`;
    expect(await screen.findByText(/^As of/)).toHaveTextContent(
      new RegExp(`^As of (Sun 4|Mon 5|Tue 6) Jan 2026, ${clock}$`),
    );
    expect(screen.queryByText(/2025-12-29/)).not.toBeInTheDocument();
  });

  test('shows events per type as a chart with a table a screen reader can use', async () => {
    invokeFunction.mockResolvedValue({ data: metrics(), response: new Response() });
    renderAdmin();
    const chart = await screen.findByRole('figure', { name: 'Events per type, last 30 days' });
    expect(chart.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    const table = within(chart).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['session created130', 'user registered12']);
  });

  test('shows a dash for a rate with nothing to count yet', async () => {
    invokeFunction.mockResolvedValue({
      data: metrics({ ai_success_rate_7d: null, events_last_30_days: {} }),
      response: new Response(),
    });
    renderAdmin();
    const ai = await screen.findByRole('region', { name: 'AI coach' });
    expect(within(ai).getByText('Success rate, last 7 days').nextSibling).toHaveTextContent('—');
    expect(screen.getByText('No events in the last 30 days.')).toBeVisible();
  });

  test('a 403 from the function reads as "for admins" even when the token says admin', async () => {
    invokeFunction.mockRejectedValue(
      new FunctionError(403, 'forbidden', 'Only admins can see the metrics.'),
    );
    renderAdmin();
    expect(await screen.findByText('This page is for admins')).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('other failures say why and offer a retry', async () => {
    invokeFunction
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce({ data: metrics(), response: new Response() });
    renderAdmin();
    expect(await screen.findByRole('alert')).toHaveTextContent('You seem to be offline.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Activation rate' })).toBeVisible();
  });
});
