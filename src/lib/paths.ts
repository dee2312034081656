// Every route of the SPA, with a helper to build its link.
export const paths = {
  dashboard: { path: '/', getHref: () => '/' },
  signIn: {
    path: '/sign-in',
    getHref: (redirectTo?: string) =>
      `/sign-in${redirectTo && redirectTo !== '/' ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`,
  },
  signUp: { path: '/sign-up', getHref: () => '/sign-up' },
  forgotPassword: { path: '/forgot-password', getHref: () => '/forgot-password' },
  updatePassword: { path: '/update-password', getHref: () => '/update-password' },
  welcome: { path: '/welcome', getHref: () => '/welcome' },
  newSession: {
    path: '/sessions/new',
    getHref: (mode: 'plan' | 'log' = 'plan') => `/sessions/new?mode=${mode}`,
  },
  session: { path: '/sessions/:id', getHref: (id: string) => `/sessions/${id}` },
  editSession: { path: '/sessions/:id/edit', getHref: (id: string) => `/sessions/${id}/edit` },
  workout: { path: '/workout/:id', getHref: (id: string) => `/workout/${id}` },
  history: { path: '/history', getHref: (search = '') => `/history${search}` },
  progress: { path: '/progress', getHref: () => '/progress' },
  settings: { path: '/settings', getHref: () => '/settings' },
  admin: { path: '/admin', getHref: () => '/admin' },
} as const;
