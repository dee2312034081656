import { AuthApiError, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/auth-js';
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { paths } from '@/lib/paths';
import { expectBusyWhilePending, fillAndSubmit } from '@/test/fill-form';
import { fakeSession, renderRoute } from '@/test/render-route';
import { UpdatePasswordRoute } from './update-password-route';

const { auth, useSession } = vi.hoisted(() => ({
  auth: { updateUser: vi.fn() },
  useSession: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth, useSession }));

const updated = { data: { user: fakeSession().user }, error: null };

function renderUpdatePassword() {
  return renderRoute(<UpdatePasswordRoute />, { path: paths.updatePassword.path });
}

const submit = (password: string, confirmation: string) =>
  fillAndSubmit(
    { 'New password': password, 'Repeat the new password': confirmation },
    'Save new password',
  );

beforeEach(() => {
  vi.clearAllMocks();
  useSession.mockReturnValue(fakeSession());
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('UpdatePasswordRoute', () => {
  test('waits while auth-js reads the session from the link', async () => {
    useSession.mockReturnValue(undefined);
    renderUpdatePassword();
    expect(await screen.findByRole('status')).toHaveTextContent('Checking your link…');
  });

  test('without a session, says the link is invalid or expired and offers a new one', async () => {
    useSession.mockReturnValue(null);
    renderUpdatePassword();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Link invalid or expired' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      paths.forgotPassword.getHref(),
    );
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });

  test('shows the form with new-password hints for both fields', async () => {
    renderUpdatePassword();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    expect(screen.getByLabelText('New password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAttribute(
      'autocomplete',
      'new-password',
    );
  });

  test('asks for at least 6 characters', async () => {
    renderUpdatePassword();
    await submit('12345', '12345');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      /Use at least 6 characters/,
    );
    expect(auth.updateUser).not.toHaveBeenCalled();
  });

  test('asks for the same password twice', async () => {
    renderUpdatePassword();
    await submit('new-secret', 'new-secreT');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription(
      'The two passwords do not match.',
    );
    expect(screen.getByLabelText('Repeat the new password')).toHaveFocus();
    expect(auth.updateUser).not.toHaveBeenCalled();
  });

  test('saves the password and opens the dashboard', async () => {
    auth.updateUser.mockResolvedValue(updated);
    renderUpdatePassword();
    await submit('new-secret', 'new-secret');
    expect(await screen.findByText('dashboard screen')).toBeVisible();
    expect(auth.updateUser).toHaveBeenCalledWith({ password: 'new-secret' });
  });

  test.each([
    [
      'weak password',
      new AuthWeakPasswordError('Password should be at least 6 characters.', 422, ['length']),
      'Choose a stronger password: at least 6 characters.',
    ],
    [
      'reused password',
      new AuthApiError('New password should be different', 422, 'same_password'),
      'Choose a password different from your current one.',
    ],
    [
      'lost connection',
      new AuthRetryableFetchError('Failed to fetch', 0),
      'You seem to be offline. Check your connection and try again.',
    ],
  ])('shows a %s as a sentence', async (_name, error, sentence) => {
    auth.updateUser.mockResolvedValue({ data: { user: null }, error });
    renderUpdatePassword();
    await submit('new-secret', 'new-secret');
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
  });

  test('marks the button busy while the request is pending', async () => {
    renderUpdatePassword();
    await expectBusyWhilePending({
      request: auth.updateUser,
      answer: updated,
      submit: () => submit('new-secret', 'new-secret'),
      button: 'Save new password',
      afterwards: async () => expect(await screen.findByText('dashboard screen')).toBeVisible(),
    });
  });
});
