// Every screen is its own lazy chunk: the first route loads only what it shows.
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PublicLayout } from '@/app/layouts/public-layout';
import { RouteError } from '@/app/route-error';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';

/** A screen at `path` whose component loads with its own chunk on first visit. */
function lazyScreen(path: string, load: () => Promise<ComponentType>): RouteObject {
  return { path, lazy: async () => ({ Component: await load() }) };
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    // While the first screen's lazy chunks load: on a slow first visit, say so.
    HydrateFallback: () => <Spinner delayed />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          lazyScreen(
            paths.signIn.path,
            async () => (await import('@/features/auth/routes/sign-in-route')).SignInRoute,
          ),
          lazyScreen(
            paths.signUp.path,
            async () => (await import('@/features/auth/routes/sign-up-route')).SignUpRoute,
          ),
          lazyScreen(
            paths.forgotPassword.path,
            async () =>
              (await import('@/features/auth/routes/forgot-password-route')).ForgotPasswordRoute,
          ),
          lazyScreen(
            paths.updatePassword.path,
            async () =>
              (await import('@/features/auth/routes/update-password-route')).UpdatePasswordRoute,
          ),
        ],
      },
      {
        // TanStack Query and the auth guard load with the first signed-in screen.
        lazy: async () => ({
          Component: (await import('@/app/routes/signed-in-root')).SignedInRoot,
        }),
        children: [
          {
            lazy: async () => ({ Component: (await import('@/app/layouts/app-layout')).AppLayout }),
            children: [
              lazyScreen(
                paths.dashboard.path,
                async () => (await import('@/app/routes/dashboard-route')).DashboardRoute,
              ),
              lazyScreen(
                paths.welcome.path,
                async () => (await import('@/features/coach/routes/welcome-route')).WelcomeRoute,
              ),
              lazyScreen(
                paths.newSession.path,
                async () =>
                  (await import('@/features/sessions/routes/new-session-route')).NewSessionRoute,
              ),
              lazyScreen(
                paths.session.path,
                async () => (await import('@/features/sessions/routes/session-route')).SessionRoute,
              ),
              lazyScreen(
                paths.editSession.path,
                async () =>
                  (await import('@/features/sessions/routes/edit-session-route')).EditSessionRoute,
              ),
              lazyScreen(
                paths.history.path,
                async () => (await import('@/features/sessions/routes/history-route')).HistoryRoute,
              ),
              lazyScreen(
                paths.progress.path,
                async () =>
                  (await import('@/features/progress/routes/progress-route')).ProgressRoute,
              ),
              lazyScreen(
                paths.settings.path,
                async () =>
                  (await import('@/features/account/routes/settings-route')).SettingsRoute,
              ),
              lazyScreen(
                paths.admin.path,
                async () => (await import('@/features/admin/routes/admin-route')).AdminRoute,
              ),
            ],
          },
          {
            // Full screen, no navigation bar: nothing to mis-tap mid-set.
            path: paths.workout.path,
            lazy: async () => ({
              Component: (await import('@/features/workout/routes/workout-route')).WorkoutRoute,
            }),
          },
        ],
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('@/app/routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
