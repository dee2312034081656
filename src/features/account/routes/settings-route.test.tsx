import { AuthApiError } from '@supabase/auth-js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type * as functions from '@/lib/functions';
import { FunctionError } from '@/lib/functions';
import { paths } from '@/lib/paths';
import { ACCOUNT_DELETED_NOTICE } from '../api/delete-account';
import { fakeSession } from '@/test/render-route';
import { renderSettings } from '../test/render-settings';

const { auth, useSession, invokeFunction } = vi.hoisted(() => ({
  auth: { updateUser: vi.fn(), signOut: vi.fn() },
  useSession: vi.fn(),
  invokeFunction: vi.fn(),
}));
vi.mock('@/lib/auth-client', () => ({ auth, useSession }));
vi.mock('@/lib/functions', async (importOriginal) => ({
  ...(await importOriginal<typeof functions>()),
  invokeFunction,
}));

/** What the anchor click of saveFile would download. */
const downloads: Array<{ href: string; download: string }> = [];

function exportResponse(fileName: string, body: string) {
  return {
    data: null,
    response: new Response(body, {
      headers: { 'Content-Disposition': `attachment; filename="${fileName}"` },
    }),
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  downloads.length = 0;
  useSession.mockReturnValue(fakeSession());
  vi.spyOn(console, 'error').mockImplementation(() => {});
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ href: this.href, download: this.download });
  });
});

const region = (name: string) => screen.getByRole('region', { name });

describe('SettingsRoute: export', () => {
  test.each([
    ['json', 'Download JSON', 'pullup-sessions-2026-01-02.json'],
    ['csv', 'Download CSV', 'pullup-sessions-2026-01-02.csv'],
  ])('%s: downloads the file under the name the server gave it', async (format, label, name) => {
    invokeFunction.mockResolvedValue(exportResponse(name, 'contents'));
    renderSettings();
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await userEvent
      .setup()
      .click(within(region('Export your data')).getByRole('button', { name: label }));

    expect(await screen.findByText(name)).toBeVisible();
    expect(invokeFunction).toHaveBeenCalledWith('export-sessions', {
      method: 'GET',
      query: { format },
    });
    expect(downloads).toEqual([{ href: 'blob:export', download: name }]);
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
    expect(await blob.text()).toBe('contents');
  });

  test('says why an export failed and saves nothing', async () => {
    invokeFunction.mockRejectedValue(
      new FunctionError(401, 'unauthorized', 'Missing or invalid token.'),
    );
    renderSettings();
    await userEvent
      .setup()
      .click(within(region('Export your data')).getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your session has ended. Sign in again.',
    );
    expect(downloads).toEqual([]);
  });
});

describe('SettingsRoute: change password', () => {
  async function submit(password: string, confirmation: string) {
    const user = userEvent.setup();
    const form = region('Change password');
    if (password) await user.type(within(form).getByLabelText('New password'), password);
    if (confirmation)
      await user.type(within(form).getByLabelText('Repeat the new password'), confirmation);
    await user.click(within(form).getByRole('button', { name: 'Change password' }));
  }

  test('asks for at least 6 characters and focuses the field', async () => {
    renderSettings();
    await submit('abc', 'abc');
    const field = screen.getByLabelText('New password');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 6 characters for your password.'),
    );
    expect(field).toHaveFocus();
    expect(auth.updateUser).not.toHaveBeenCalled();
  });

  test('asks for the same password twice', async () => {
    renderSettings();
    await submit('pull-ups-1', 'pull-ups-2');
    expect(screen.getByLabelText('Repeat the new password')).toHaveAccessibleDescription(
      'The two passwords do not match.',
    );
    expect(auth.updateUser).not.toHaveBeenCalled();
  });

  test('saves the new password, says so and clears the fields', async () => {
    auth.updateUser.mockResolvedValue({ data: { user: fakeSession().user }, error: null });
    renderSettings();
    await submit('pull-ups-1', 'pull-ups-1');
    expect(await screen.findByText('Your password was changed.')).toBeVisible();
    expect(auth.updateUser).toHaveBeenCalledWith({ password: 'pull-ups-1' });
    expect(screen.getByLabelText('New password')).toHaveValue('');
  });

  test('shows the server refusal as a sentence', async () => {
    auth.updateUser.mockResolvedValue({
      data: { user: null },
      error: new AuthApiError('New password should be different', 422, 'same_password'),
    });
    renderSettings();
    await submit('pull-ups-1', 'pull-ups-1');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Choose a password different from your current one.',
    );
    expect(screen.queryByText('Your password was changed.')).not.toBeInTheDocument();
  });
});

describe('SettingsRoute: delete account', () => {
  test('explains the loss, offers the export right there, and waits for DELETE typed', async () => {
    renderSettings();
    const section = region('Delete account');
    expect(section).toHaveTextContent('cannot be undone');
    expect(within(section).getByRole('button', { name: 'Download JSON' })).toBeEnabled();
    expect(within(section).getByRole('button', { name: 'Download CSV' })).toBeEnabled();
    const remove = within(section).getByRole('button', { name: 'Delete my account and all data' });
    expect(remove).toBeDisabled();

    const user = userEvent.setup();
    const confirm = within(section).getByLabelText('Type DELETE to confirm');
    await user.type(confirm, 'delete');
    expect(remove).toBeDisabled();
    await user.clear(confirm);
    await user.type(confirm, 'DELETE');
    expect(remove).toBeEnabled();
    expect(invokeFunction).not.toHaveBeenCalled();
  });

  test('deletes, signs out on this device, forgets the cache and lands on sign-in', async () => {
    invokeFunction.mockResolvedValue({ data: null, response: new Response(null, { status: 204 }) });
    auth.signOut.mockResolvedValue({ error: null });
    const { router, queryClient } = renderSettings();
    const section = region('Delete account');
    const user = userEvent.setup();
    await user.type(within(section).getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(
      within(section).getByRole('button', { name: 'Delete my account and all data' }),
    );

    expect(await screen.findByText('signIn screen')).toBeVisible();
    expect(invokeFunction).toHaveBeenCalledWith('delete-account', { body: { confirm: 'DELETE' } });
    expect(auth.signOut).toHaveBeenCalledWith({ scope: 'local' });
    expect(router.state.location.pathname).toBe(paths.signIn.path);
    // For the sign-in screen to show: as history state and in the address.
    expect(router.state.location.state).toMatchObject({ notice: ACCOUNT_DELETED_NOTICE });
    expect(router.state.location.search).toBe('?deleted=1');
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
  });

  test('keeps the athlete signed in and says why when the deletion fails', async () => {
    invokeFunction.mockRejectedValue(new TypeError('Failed to fetch'));
    const { router } = renderSettings();
    const section = region('Delete account');
    const user = userEvent.setup();
    await user.type(within(section).getByLabelText('Type DELETE to confirm'), 'DELETE');
    await user.click(
      within(section).getByRole('button', { name: 'Delete my account and all data' }),
    );

    expect(await within(section).findByRole('alert')).toHaveTextContent('You seem to be offline.');
    expect(auth.signOut).not.toHaveBeenCalled();
    expect(router.state.location.pathname).toBe(paths.settings.path);
  });
});

describe('SettingsRoute: admin link', () => {
  test('is shown to admins and leads to the admin screen', async () => {
    useSession.mockReturnValue(fakeSession({ role: 'admin' }));
    renderSettings();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Open the admin screen' }));
    expect(await screen.findByText('admin screen')).toBeVisible();
  });

  test('is not shown to athletes', () => {
    renderSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    expect(screen.queryByRole('link', { name: /admin/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Admin' })).not.toBeInTheDocument();
  });
});
