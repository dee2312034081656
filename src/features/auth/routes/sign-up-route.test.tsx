import { AuthApiError, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/auth-js';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { expectBusyWhilePending, fillAndSubmit } from '@/test/fill-form';
import { deferred, fakeSession, renderRoute } from '@/test/render-route';
import { SignUpRoute } from './sign-up-route';

const { auth, useSession } = vi.hoisted(() => ({
  auth: { signUp: vi.fn() },
  useSession: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth, useSession }));

const signedUp = { data: { session: fakeSession(), user: fakeSession().user }, error: null };

function renderSignUp() {
  return renderRoute(<SignUpRoute />, { path: paths.signUp.path });
}

const signUp = (email: string, password: string) =>
  fillAndSubmit({ Email: email, Password: password }, 'Create account');

beforeEach(() => {
  vi.clearAllMocks();
  useSession.mockReturnValue(null);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('SignUpRoute', () => {
  test('shows the form with a heading, new-password hint and a link to sign in', async () => {
    renderSignUp();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create your account' }),
    ).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      paths.signIn.getHref(),
    );
  });

  test('asks for a valid email and a password of at least 6 characters before calling', async () => {
    renderSignUp();
    await signUp('athlete@', '12345');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      /Enter a valid email address/,
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      /Use at least 6 characters/,
    );
    expect(auth.signUp).not.toHaveBeenCalled();
  });

  test('creates the account and opens the first-run question', async () => {
    auth.signUp.mockResolvedValue(signedUp);
    renderSignUp();
    await signUp('new@example.com', 'secret-1');
    expect(await screen.findByText('welcome screen')).toBeVisible();
    expect(auth.signUp).toHaveBeenCalledWith({ email: 'new@example.com', password: 'secret-1' });
  });

  test('goes to the welcome screen even though the new session shows up first', async () => {
    const pending = deferred<typeof signedUp>();
    auth.signUp.mockReturnValue(pending.promise);
    renderSignUp();
    await signUp('new@example.com', 'secret-1');
    // auth-js announces SIGNED_IN before signUp resolves.
    useSession.mockReturnValue(fakeSession({ email: 'new@example.com' }));
    pending.resolve(signedUp);
    expect(await screen.findByText('welcome screen')).toBeVisible();
    expect(screen.queryByText('dashboard screen')).not.toBeInTheDocument();
  });

  test('asks to confirm by email when the server returns no session', async () => {
    auth.signUp.mockResolvedValue({
      data: { session: null, user: fakeSession().user },
      error: null,
    });
    renderSignUp();
    await signUp('new@example.com', 'secret-1');
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(/check your email to confirm/i);
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
  });

  test.each([
    [
      'taken email',
      new AuthApiError('User already registered', 422, 'user_already_exists'),
      'An account with this email already exists. Sign in instead.',
    ],
    [
      'weak password',
      new AuthWeakPasswordError('Password should be at least 6 characters.', 422, ['length']),
      'Choose a stronger password: at least 6 characters.',
    ],
    [
      'lost connection',
      new AuthRetryableFetchError('Failed to fetch', 0),
      'You seem to be offline. Check your connection and try again.',
    ],
  ])('shows a %s as a sentence', async (_name, error, sentence) => {
    auth.signUp.mockResolvedValue({ data: { session: null, user: null }, error });
    renderSignUp();
    await signUp('new@example.com', 'secret-1');
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByLabelText('Email')).toHaveValue('new@example.com');
  });

  test('marks the button busy while the request is pending', async () => {
    renderSignUp();
    await expectBusyWhilePending({
      request: auth.signUp,
      answer: signedUp,
      submit: () => signUp('new@example.com', 'secret-1'),
      button: 'Create account',
      afterwards: async () => expect(await screen.findByText('welcome screen')).toBeVisible(),
    });
  });

  test('sends an athlete who is already signed in to the dashboard', async () => {
    useSession.mockReturnValue(fakeSession());
    renderSignUp();
    expect(await screen.findByText('dashboard screen')).toBeVisible();
  });
});
