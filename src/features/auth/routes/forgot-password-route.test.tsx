import { AuthApiError, AuthRetryableFetchError } from '@supabase/auth-js';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { expectBusyWhilePending, fillAndSubmit } from '@/test/fill-form';
import { renderRoute } from '@/test/render-route';
import { ForgotPasswordRoute } from './forgot-password-route';

const { auth, useSession } = vi.hoisted(() => ({
  auth: { resetPasswordForEmail: vi.fn() },
  useSession: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth, useSession }));

const SENT = 'If an account exists for this email, we sent a link.';

const submit = (email: string) => fillAndSubmit({ Email: email }, 'Send reset link');

beforeEach(() => {
  vi.clearAllMocks();
  useSession.mockReturnValue(null);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  renderRoute(<ForgotPasswordRoute />, { path: paths.forgotPassword.path });
});

describe('ForgotPasswordRoute', () => {
  test('has a heading and a way back to sign in', async () => {
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Reset your password' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute(
      'href',
      paths.signIn.getHref(),
    );
  });

  test('asks for a valid email before calling', async () => {
    await submit('');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      /Enter a valid email address/,
    );
    expect(auth.resetPasswordForEmail).not.toHaveBeenCalled();
  });

  test('sends the link back to the update-password screen and answers without telling', async () => {
    auth.resetPasswordForEmail.mockResolvedValue({ data: {}, error: null });
    await submit('athlete@example.com');
    expect(await screen.findByRole('status')).toHaveTextContent(SENT);
    expect(auth.resetPasswordForEmail).toHaveBeenCalledWith('athlete@example.com', {
      redirectTo: `${window.location.origin}/update-password`,
    });
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });

  test('answers the same for an address the server says it does not know', async () => {
    auth.resetPasswordForEmail.mockResolvedValue({
      data: null,
      error: new AuthApiError('User not found', 404, 'user_not_found'),
    });
    await submit('nobody@example.com');
    expect(await screen.findByRole('status')).toHaveTextContent(SENT);
  });

  test('says so when the connection is lost', async () => {
    auth.resetPasswordForEmail.mockResolvedValue({
      data: null,
      error: new AuthRetryableFetchError('Failed to fetch', 0),
    });
    await submit('athlete@example.com');
    expect(await screen.findByRole('alert')).toHaveTextContent(/offline/);
    expect(screen.getByLabelText('Email')).toHaveValue('athlete@example.com');
  });

  test('marks the button busy while the request is pending', async () => {
    await expectBusyWhilePending({
      request: auth.resetPasswordForEmail,
      answer: { data: {}, error: null },
      submit: () => submit('athlete@example.com'),
      button: 'Send reset link',
      afterwards: async () => expect(await screen.findByRole('status')).toHaveTextContent(SENT),
    });
  });
});
