// Renders the feature's routes in a memory router with a fresh QueryClient, so links,
// search params and navigation behave as in the app.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { paths } from '@/lib/paths';
import { createQueryClient } from '@/lib/query-client';
import { EditSessionRoute } from '../routes/edit-session-route';
import { HistoryRoute } from '../routes/history-route';
import { NewSessionRoute } from '../routes/new-session-route';
import { SessionRoute } from '../routes/session-route';

export function renderRoute(
  initialPath: string,
  queryClient: QueryClient = createQueryClient({ retry: false }),
) {
  const router = createMemoryRouter(
    [
      { path: paths.dashboard.path, element: <h1>Dashboard</h1> },
      { path: paths.newSession.path, element: <NewSessionRoute /> },
      { path: paths.session.path, element: <SessionRoute /> },
      { path: paths.editSession.path, element: <EditSessionRoute /> },
      { path: paths.history.path, element: <HistoryRoute /> },
      { path: paths.workout.path, element: <h1>Workout</h1> },
    ],
    { initialEntries: [initialPath] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
