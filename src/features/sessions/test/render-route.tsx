import type { QueryClient } from '@tanstack/react-query';
import { paths } from '@/lib/paths';
import { renderRoutes } from '@/test/render-route';
import { EditSessionRoute } from '../routes/edit-session-route';
import { HistoryRoute } from '../routes/history-route';
import { NewSessionRoute } from '../routes/new-session-route';
import { SessionRoute } from '../routes/session-route';

/** The feature's four screens, with stand-ins for the screens they lead to. */
export function renderRoute(initialPath: string, queryClient?: QueryClient) {
  return renderRoutes(
    [
      { path: paths.dashboard.path, element: <h1>Dashboard</h1> },
      { path: paths.newSession.path, element: <NewSessionRoute /> },
      { path: paths.session.path, element: <SessionRoute /> },
      { path: paths.editSession.path, element: <EditSessionRoute /> },
      { path: paths.history.path, element: <HistoryRoute /> },
      { path: paths.workout.path, element: <h1>Workout</h1> },
    ],
    initialPath,
    queryClient,
  );
}
