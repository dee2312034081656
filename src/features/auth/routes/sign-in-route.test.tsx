import { AuthApiError, AuthRetryableFetchError } from '@supabase/auth-js';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { expectBusyWhilePending, fillAndSubmit } from '@/test/fill-form';
import { fakeSession, renderRoute } from '@/test/render-route';
import { SignInRoute } from './sign-in-route';

const { auth, useSession } = vi.hoisted(() => ({
  auth: { signInWithPassword: vi.fn() },
  useSession: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth, useSession }));

const signedIn = { data: { session: fakeSession(), user: fakeSession().user }, error: null };

function renderSignIn(initialEntry: string = paths.signIn.getHref()) {
  return renderRoute(<SignInRoute />, { path: paths.signIn.path, initialEntry });
}

const signIn = (email: string, password: string) =>
  fillAndSubmit({ Email: email, Password: password }, 'Sign in');

beforeEach(() => {
  vi.clearAllMocks();
  useSession.mockReturnValue(null);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('SignInRoute', () => {
  test('shows the form with a heading, autocomplete hints and links to the other screens', async () => {
    renderSignIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      paths.forgotPassword.getHref(),
    );
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      paths.signUp.getHref(),
    );
  });

  test('confirms a deleted account when settings sends the athlete here', async () => {
    renderSignIn(`${paths.signIn.getHref()}?deleted=1`);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Your account and all your data were deleted.',
    );
  });

  test('says nothing about deletion on a normal visit', async () => {
    renderSignIn();
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByText(/were deleted/)).not.toBeInTheDocument();
  });

  test('validates before calling the server, next to the fields, and focuses the first', async () => {
    renderSignIn();
    await signIn('not-an-email', '');
    const email = screen.getByLabelText('Email');
    expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password.');
    expect(auth.signInWithPassword).not.toHaveBeenCalled();
  });

  test('signs in and goes to the page that asked for it', async () => {
    auth.signInWithPassword.mockResolvedValue(signedIn);
    const { router } = renderSignIn(paths.signIn.getHref('/history?status=completed'));
    await signIn('  athlete@example.com ', 'athlete-demo');
    expect(await screen.findByText('history screen')).toBeVisible();
    expect(router.state.location.search).toBe('?status=completed');
    expect(auth.signInWithPassword).toHaveBeenCalledWith({
      email: 'athlete@example.com',
      password: 'athlete-demo',
    });
  });

  test.each(['//evil.example/phish', 'https://evil.example/', '/\\evil.example'])(
    'ignores a redirect away from this site (%s) and goes to the dashboard',
    async (redirectTo) => {
      auth.signInWithPassword.mockResolvedValue(signedIn);
      renderSignIn(`${paths.signIn.path}?redirectTo=${encodeURIComponent(redirectTo)}`);
      await signIn('athlete@example.com', 'athlete-demo');
      expect(await screen.findByText('dashboard screen')).toBeVisible();
    },
  );

  test.each([
    [
      'wrong password',
      new AuthApiError('Invalid login credentials', 400, 'invalid_credentials'),
      'Wrong email or password.',
    ],
    [
      'lost connection',
      new AuthRetryableFetchError('Failed to fetch', 0),
      'You seem to be offline. Check your connection and try again.',
    ],
  ])('shows a %s as a sentence and stays on the form', async (_name, error, sentence) => {
    auth.signInWithPassword.mockResolvedValue({ data: { session: null, user: null }, error });
    renderSignIn();
    await signIn('athlete@example.com', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('marks the button busy while the request is pending', async () => {
    renderSignIn();
    await expectBusyWhilePending({
      request: auth.signInWithPassword,
      answer: signedIn,
      submit: () => signIn('athlete@example.com', 'athlete-demo'),
      button: 'Sign in',
      afterwards: async () => expect(await screen.findByText('dashboard screen')).toBeVisible(),
    });
  });

  test('sends an athlete who is already signed in on to the dashboard', async () => {
    useSession.mockReturnValue(fakeSession());
    renderSignIn();
    expect(await screen.findByText('dashboard screen')).toBeVisible();
  });
});
