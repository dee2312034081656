// Test harness for the settings screen: the screen at its path, stubs for sign-in and admin,
// and a fresh QueryClient without retries.
import type { Session } from '@supabase/auth-js';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { paths } from '@/lib/paths';
import { createQueryClient, queryRoots } from '@/lib/query-client';
import { SettingsRoute } from '../routes/settings-route';

export function renderSettings() {
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData([...queryRoots.sessions, 'list'], [{ id: 'session-1' }]);
  const router = createMemoryRouter(
    [
      { path: paths.settings.path, element: <SettingsRoute /> },
      { path: paths.signIn.path, element: <p>sign-in screen</p> },
      { path: paths.admin.path, element: <p>admin screen</p> },
    ],
    { initialEntries: [paths.settings.getHref()] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, queryClient };
}

export function fakeSession(role?: string): Session {
  return {
    access_token: 'access-token',
    refresh_token: 'refresh-token',
    expires_in: 3600,
    token_type: 'bearer',
    user: {
      id: 'user-1',
      email: 'athlete@example.com',
      aud: 'authenticated',
      app_metadata: role ? { role } : {},
      user_metadata: {},
      created_at: '',
    },
  };
}
