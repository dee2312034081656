import { paths } from '@/lib/paths';
import { renderRoutes } from '@/test/render-route';
import { ProgressRoute } from '../routes/progress-route';

export function renderProgress() {
  return renderRoutes(
    [
      { path: paths.progress.path, element: <ProgressRoute /> },
      { path: paths.newSession.path, element: <h1>New session</h1> },
    ],
    paths.progress.getHref(),
  );
}
