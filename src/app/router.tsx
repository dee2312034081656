// Every screen is its own lazy chunk: the first route loads only what it shows.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PublicLayout } from '@/app/layouts/public-layout';
import { RouteError } from '@/app/route-error';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/lib/paths';

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    // While the first screen's lazy chunks load: on a slow first visit, say so.
    HydrateFallback: () => <Spinner delayed />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            path: paths.signIn.path,
            lazy: async () => ({
              Component: (await import('@/features/auth/routes/sign-in-route')).SignInRoute,
            }),
          },
          {
            path: paths.signUp.path,
            lazy: async () => ({
              Component: (await import('@/features/auth/routes/sign-up-route')).SignUpRoute,
            }),
          },
          {
            path: paths.forgotPassword.path,
            lazy: async () => ({
              Component: (await import('@/features/auth/routes/forgot-password-route'))
                .ForgotPasswordRoute,
            }),
          },
          {
            path: paths.updatePassword.path,
            lazy: async () => ({
              Component: (await import('@/features/auth/routes/update-password-route'))
                .UpdatePasswordRoute,
            }),
          },
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
              {
                path: paths.dashboard.path,
                lazy: async () => ({
                  Component: (await import('@/app/routes/dashboard-route')).DashboardRoute,
                }),
              },
              {
                path: paths.welcome.path,
                lazy: async () => ({
                  Component: (await import('@/features/coach/routes/welcome-route')).WelcomeRoute,
                }),
              },
              {
                path: paths.newSession.path,
                lazy: async () => ({
                  Component: (await import('@/features/sessions/routes/new-session-route'))
                    .NewSessionRoute,
                }),
              },
              {
                path: paths.session.path,
                lazy: async () => ({
                  Component: (await import('@/features/sessions/routes/session-route'))
                    .SessionRoute,
                }),
              },
              {
                path: paths.editSession.path,
                lazy: async () => ({
                  Component: (await import('@/features/sessions/routes/edit-session-route'))
                    .EditSessionRoute,
                }),
              },
              {
                path: paths.history.path,
                lazy: async () => ({
                  Component: (await import('@/features/sessions/routes/history-route'))
                    .HistoryRoute,
                }),
              },
              {
                path: paths.progress.path,
                lazy: async () => ({
                  Component: (await import('@/features/progress/routes/progress-route'))
                    .ProgressRoute,
                }),
              },
              {
                path: paths.settings.path,
                lazy: async () => ({
                  Component: (await import('@/features/account/routes/settings-route'))
                    .SettingsRoute,
                }),
              },
              {
                path: paths.admin.path,
                lazy: async () => ({
                  Component: (await import('@/features/admin/routes/admin-route')).AdminRoute,
                }),
              },
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
