// The one route renderer of component tests: the given screens in a memory router (so links,
// search params and navigation behave as in the app) and a fresh QueryClient without retries.
import type { Session } from '@supabase/auth-js';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { paths } from '@/lib/paths';
import { createQueryClient } from '@/lib/query-client';

export function renderRoutes(
  routes: RouteObject[],
  initialEntry: string,
  queryClient: QueryClient = createQueryClient({ retry: false }),
) {
  const router = createMemoryRouter(routes, { initialEntries: [initialEntry] });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/** One screen at its path and "<name> screen" stubs at every other path of the app. */
export function renderRoute(
  element: ReactElement,
  {
    path,
    initialEntry = path,
    queryClient,
  }: { path: string; initialEntry?: string; queryClient?: QueryClient },
) {
  const stubs = Object.entries(paths)
    .filter(([, route]) => route.path !== path)
    .map(([name, route]) => ({ path: route.path, element: <p>{`${name} screen`}</p> }));
  return renderRoutes([{ path, element }, ...stubs], initialEntry, queryClient);
}

export function fakeSession({
  email = 'athlete@example.com',
  role,
}: { email?: string; role?: string } = {}): Session {
  return {
    access_token: 'access-token',
    refresh_token: 'refresh-token',
    expires_in: 3600,
    token_type: 'bearer',
    user: {
      id: 'user-1',
      email,
      aud: 'authenticated',
      app_metadata: role ? { role } : {},
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
