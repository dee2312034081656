import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionRow } from '@/lib/db';
import { FunctionError, invokeFunction } from '@/lib/functions';
import { paths } from '@/lib/paths';
import { createQueryClient } from '@/lib/query-client';
import { WelcomeRoute } from './welcome-route';

vi.mock('@/lib/functions', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  invokeFunction: vi.fn(),
}));

const invoke = vi.mocked(invokeFunction);

const firstSession: SessionRow = {
  id: 'first-1',
  user_id: 'athlete-1',
  session_date: '2025-03-11T07:00:00.000Z',
  status: 'planned',
  set_1: 4,
  set_2: 4,
  set_3: 3,
  set_4: 3,
  set_5: 2,
  total_reps: 16,
  rpe: null,
  ai_comment: 'You can do 8 pull-ups, so we start at half of that across five sets.',
  ai_intent: 'first_session',
  is_ai_generated: true,
  is_modified: false,
  created_at: '2025-03-10T12:00:00.000Z',
  updated_at: '2025-03-10T12:00:00.000Z',
};
const success = {
  data: { session: firstSession, quota: { limit: 5, used: 1, remaining: 4, next_slot_at: '' } },
  response: new Response(null, { status: 201 }),
};

function Stub({ name }: { name: string }) {
  const location = useLocation();
  return <p>{`${name} at ${location.pathname}${location.search}`}</p>;
}

function renderWelcome() {
  const router = createMemoryRouter(
    [
      { path: paths.welcome.path, element: <WelcomeRoute /> },
      { path: paths.dashboard.path, element: <Stub name="today" /> },
      { path: paths.newSession.path, element: <Stub name="new session" /> },
      { path: paths.session.path, element: <Stub name="session" /> },
    ],
    { initialEntries: ['/welcome'] },
  );
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const question = () =>
  screen.getByRole('spinbutton', { name: "What's the most pull-ups you can do in one set?" });

beforeEach(() => {
  invoke.mockReset();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('first run', () => {
  test('asks one question, 5 by default, kept between 1 and 60: more is refused, not clamped', async () => {
    renderWelcome();
    expect(question()).toHaveValue('5');
    const user = userEvent.setup();
    await user.clear(question());
    await user.type(question(), '75');
    expect(question()).toHaveAccessibleDescription(
      '75 is more than 60, the most allowed. Still 7.',
    );
    await user.keyboard('{End}');
    expect(question()).toHaveValue('60');
    expect(
      screen.getByRole('button', {
        name: "What's the most pull-ups you can do in one set?: one more",
      }),
    ).toBeDisabled();
  });

  test('the coach plans the first session from the answer', async () => {
    let answer: (value: typeof success) => void = () => {};
    invoke.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    renderWelcome();
    const user = userEvent.setup();
    const more = screen.getByRole('button', {
      name: "What's the most pull-ups you can do in one set?: one more",
    });
    await user.click(more);
    await user.click(more);
    await user.click(more);
    await user.click(screen.getByRole('button', { name: 'Get my first session' }));

    expect(invoke).toHaveBeenCalledWith('generate-session', { body: { baseline_max_reps: 8 } });
    expect(screen.getByText('The coach is planning your first session…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Get my first session' })).toBeDisabled();

    answer(success);
    const card = (await screen.findByRole('heading', { name: 'Your first session' })).closest(
      'section',
    )!;
    expect(within(card).getByText(firstSession.ai_comment!)).toBeInTheDocument();
    expect(card).toHaveTextContent('16 reps in total');
    const sets = within(card).getByRole('list', { name: 'Target reps per set' });
    expect(
      within(sets)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Set 14', 'Set 24', 'Set 33', 'Set 43', 'Set 52']);
    await user.click(screen.getByRole('link', { name: 'Go to today' }));
    expect(await screen.findByText('today at /')).toBeInTheDocument();
  });

  test('"I\'ll plan it myself" opens the session form to plan', async () => {
    renderWelcome();
    await userEvent.click(screen.getByRole('link', { name: "I'll plan it myself" }));
    expect(await screen.findByText('new session at /sessions/new?mode=plan')).toBeInTheDocument();
    expect(invoke).not.toHaveBeenCalled();
  });

  test('a timeout says the ask counts, and trying again can succeed', async () => {
    invoke.mockRejectedValueOnce(new FunctionError(504, 'ai_timeout', 'raw'));
    invoke.mockResolvedValueOnce(success);
    renderWelcome();
    await userEvent.click(screen.getByRole('button', { name: 'Get my first session' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The coach took too long to answer; this ask still counts. Try again or plan it yourself.',
    );
    expect(alert).not.toHaveTextContent('raw');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(firstSession.ai_comment!)).toBeInTheDocument();
  });

  test('a provider error says the ask counts; planning by hand stays on offer', async () => {
    invoke.mockRejectedValueOnce(new FunctionError(502, 'ai_error', 'raw'));
    renderWelcome();
    await userEvent.click(screen.getByRole('button', { name: 'Get my first session' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The coach couldn't answer; this ask still counts. Try again or plan it yourself.",
    );
    expect(screen.getByRole('link', { name: "I'll plan it myself" })).toBeInTheDocument();
  });

  test('an existing active session is named, with a link to it', async () => {
    invoke.mockRejectedValueOnce(
      new FunctionError(409, 'active_session_exists', 'raw', { session_id: 'active-7' }),
    );
    renderWelcome();
    await userEvent.click(screen.getByRole('button', { name: 'Get my first session' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/already have a planned or in-progress session/);
    expect(within(alert).getByRole('link', { name: 'Open your active session' })).toHaveAttribute(
      'href',
      '/sessions/active-7',
    );
  });

  test('a used-up quota says when the next ask frees up', async () => {
    invoke.mockRejectedValueOnce(
      new FunctionError(429, 'rate_limited', 'raw', { retry_after_seconds: 1800 }, 1800),
    );
    renderWelcome();
    await userEvent.click(screen.getByRole('button', { name: 'Get my first session' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /You've used your 5 asks of the last 24 hours; the next frees up in 30 min/,
    );
  });
});
