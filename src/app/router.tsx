import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';

export const routes: RouteObject[] = [
  {
    path: '/',
    lazy: async () => ({ Component: (await import('@/app/routes/landing')).LandingRoute }),
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

export function createTestRouter(initialPath = '/') {
  return createMemoryRouter(routes, { initialEntries: [initialPath] });
}
