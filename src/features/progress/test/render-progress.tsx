import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { paths } from '@/lib/paths';
import { createQueryClient } from '@/lib/query-client';
import { ProgressRoute } from '../routes/progress-route';

export function renderProgress() {
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(
    [
      { path: paths.progress.path, element: <ProgressRoute /> },
      { path: paths.newSession.path, element: <h1>New session</h1> },
    ],
    { initialEntries: [paths.progress.getHref()] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
