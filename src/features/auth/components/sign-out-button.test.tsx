import { AuthRetryableFetchError, type Session } from '@supabase/auth-js';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSyncExternalStore } from 'react';
import { Navigate, Outlet } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { createQueryClient, queryRoots } from '@/lib/query-client';
import { deferred, fakeSession, renderRoutes } from '@/test/render-route';
import { SignOutButton } from './sign-out-button';

// A session store like auth-client's: signOut ends the session before it resolves, as auth-js does.
const { auth, sessionStore } = vi.hoisted(() => {
  const listeners = new Set<() => void>();
  const sessionStore = {
    current: null as Session | null,
    set(next: Session | null) {
      sessionStore.current = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { auth: { signOut: vi.fn() }, sessionStore };
});
vi.mock('@/lib/auth-client', () => ({
  auth,
  useSession: () => useSyncExternalStore(sessionStore.subscribe, () => sessionStore.current),
}));

/** Like the app's guard (src/app/require-auth.tsx): without a session, off to sign-in. */
function Guard() {
  if (useSyncExternalStore(sessionStore.subscribe, () => sessionStore.current) === null) {
    return <Navigate to={paths.signIn.getHref()} replace />;
  }
  return <Outlet />;
}

function renderSignedIn() {
  sessionStore.current = fakeSession();
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData([...queryRoots.sessions, 'list'], [{ id: 'session-1' }]);
  return renderRoutes(
    [
      { element: <Guard />, children: [{ path: paths.history.path, element: <SignOutButton /> }] },
      {
        path: paths.signIn.path,
        // Lazy like the real route, so the guard could overtake a navigation still loading it.
        lazy: async () => ({ Component: () => <p>signIn screen</p> }),
      },
    ],
    paths.history.getHref(),
    queryClient,
  );
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  auth.signOut.mockImplementation(async (options?: { scope: string }) => {
    sessionStore.set(null);
    return { error: null, options };
  });
});

describe('SignOutButton', () => {
  test('signs out, forgets the cached data and shows the sign-in screen', async () => {
    const { queryClient } = renderSignedIn();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('signIn screen')).toBeVisible();
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
    expect(auth.signOut).toHaveBeenCalledWith();
  });

  test('still signs out on this device when the server cannot be reached', async () => {
    auth.signOut
      .mockResolvedValueOnce({ error: new AuthRetryableFetchError('Failed to fetch', 0) })
      .mockImplementationOnce(async () => {
        sessionStore.set(null);
        return { error: null };
      });
    const { queryClient } = renderSignedIn();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('signIn screen')).toBeVisible();
    expect(auth.signOut).toHaveBeenLastCalledWith({ scope: 'local' });
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
    expect(sessionStore.current).toBeNull();
  });

  test('is busy while signing out', async () => {
    const pending = deferred<{ error: null }>();
    auth.signOut.mockReturnValue(pending.promise);
    renderSignedIn();
    const button = await screen.findByRole('button', { name: 'Sign out' });
    await userEvent.setup().click(button);
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
    sessionStore.set(null);
    pending.resolve({ error: null });
    expect(await screen.findByText('signIn screen')).toBeVisible();
  });
});
