import type { Session } from '@supabase/auth-js';
import { act, render, screen } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { RequireAuth } from './require-auth';

// auth-client's session store: undefined while restoring, then a session or null, and the last
// auth event (SIGNED_OUT when the athlete signed out on this device).
const store = vi.hoisted(() => {
  const listeners = new Set<() => void>();
  const store = {
    session: undefined as Session | null | undefined,
    lastEvent: undefined as string | undefined,
    set(session: Session | null, event: string) {
      store.session = session;
      store.lastEvent = event;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
});
vi.mock('@/lib/auth-client', () => ({
  useSession: () => useSyncExternalStore(store.subscribe, () => store.session),
  justSignedOut: () => store.lastEvent === 'SIGNED_OUT',
}));

const session = { access_token: 'token', user: { id: 'user-1' } } as Session;

function renderGuarded(path = '/history?status=completed') {
  const router = createMemoryRouter(
    [
      {
        element: <RequireAuth />,
        children: [{ path: paths.history.path, element: <p>history screen</p> }],
      },
      { path: paths.signIn.path, element: <p>signIn screen</p> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(() => {
  store.session = undefined;
  store.lastEvent = undefined;
});

describe('RequireAuth', () => {
  test('waits for the stored session, then shows the screen', async () => {
    renderGuarded();
    expect(screen.getByRole('status')).toHaveTextContent('Signing you in…');
    act(() => store.set(session, 'INITIAL_SESSION'));
    expect(await screen.findByText('history screen')).toBeVisible();
  });

  test('sends a signed-out visitor to sign in, with the way back', async () => {
    const router = renderGuarded();
    act(() => store.set(null, 'INITIAL_SESSION'));
    expect(await screen.findByText('signIn screen')).toBeVisible();
    expect(router.state.location.pathname).toBe(paths.signIn.path);
    expect(new URLSearchParams(router.state.location.search).get('redirectTo')).toBe(
      '/history?status=completed',
    );
  });

  test('after a sign-out here, shows the plain sign-in: the next athlete starts on their own dashboard', async () => {
    const router = renderGuarded();
    act(() => store.set(session, 'INITIAL_SESSION'));
    expect(await screen.findByText('history screen')).toBeVisible();
    act(() => store.set(null, 'SIGNED_OUT'));
    expect(await screen.findByText('signIn screen')).toBeVisible();
    expect(router.state.location.pathname).toBe(paths.signIn.path);
    expect(router.state.location.search).toBe('');
  });
});
