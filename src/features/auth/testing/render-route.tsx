// Test harness for the account screens: the screen under test at its path, stub screens at every
// other path (so a navigation is visible), and a fresh QueryClient without retries.
import type { Session } from '@supabase/auth-js';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { paths } from '@/lib/paths';
import { createQueryClient } from '@/lib/query-client';

export function renderRoute(
  element: ReactElement,
  {
    path,
    initialEntry = path,
    queryClient = createQueryClient({ retry: false }),
  }: {
    path: string;
    initialEntry?: string;
    queryClient?: QueryClient;
  },
) {
  const stubs = Object.entries(paths)
    .filter(([, route]) => route.path !== path)
    .map(([name, route]) => ({ path: route.path, element: <p>{`${name} screen`}</p> }));
  const router = createMemoryRouter([{ path, element }, ...stubs], {
    initialEntries: [initialEntry],
  });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}

export function fakeSession(email = 'athlete@example.com'): Session {
  return {
    access_token: 'access-token',
    refresh_token: 'refresh-token',
    expires_in: 3600,
    token_type: 'bearer',
    user: {
      id: 'user-1',
      email,
      aud: 'authenticated',
      app_metadata: {},
      user_metadata: {},
      created_at: '',
    },
  };
}

/** A promise the test settles by hand, to look at the screen while a request is pending. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
