// Account journeys: sign up, sign in (and its errors), staying signed in, signing out, and a
// password reset through the link the local stack "mails".
import { createAthlete, uniqueEmail } from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { latestMailTo } from './support/mail.ts';
import { checkScreen } from './support/screen-checks.ts';

test('sign up creates the account and opens the first-run screen', async ({ page }) => {
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your account' })).toBeVisible();
  await checkScreen(page, 'sign-up');

  // Client-side rules first: a short password never reaches the server.
  await page.getByLabel('Email').fill(uniqueEmail('signup'));
  await page.getByLabel('Password').fill('abc');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 6 characters for your password.')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();
  await checkScreen(page, 'sign-up with a field error');

  await page.getByLabel('Password').fill('strong-enough-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
});

test('sign up with a taken email says so', async ({ page, athlete }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(athlete.email);
  await page.getByLabel('Password').fill('another-password-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'An account with this email already exists' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test('sign in: wrong password, then the right one, back where the athlete was going; reload keeps the session; sign out ends it', async ({
  page,
  athlete,
}) => {
  await page.goto('/history');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fhistory$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await checkScreen(page, 'sign-in');

  await page.getByLabel('Email').fill(athlete.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }),
  ).toBeVisible();
  await checkScreen(page, 'sign-in with an error');

  await page.getByLabel('Password').fill(athlete.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/history$/);

  await page.reload();
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign in when the connection drops says the athlete seems offline', async ({
  page,
  athlete,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  // The request dies on the way (the phone still believes it is online), as on a bad signal.
  await page.route('**/auth/v1/token**', (route) => route.abort('internetdisconnected'));
  await page.getByLabel('Email').fill(athlete.email);
  await page.getByLabel('Password').fill(athlete.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'You seem to be offline.' }),
  ).toBeVisible();

  await page.unroute('**/auth/v1/token**');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
});

test('password reset: the emailed link opens the new-password screen and the new password works', async ({
  page,
}) => {
  const athlete = await createAthlete('reset');
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await checkScreen(page, 'forgot password');

  await page.getByLabel('Email').fill(athlete.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(
    page.getByText('If an account exists for this email, we sent a link.'),
  ).toBeVisible();

  const mail = await latestMailTo(athlete.email);
  await page.goto(mail.link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
  ).toBeVisible();
  await checkScreen(page, 'update password');
  await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-2');
  await page.getByLabel('Repeat the new password').fill('brand-new-pass-2');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page).toHaveURL(/\/welcome$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(athlete.email);
  await page.getByLabel('Password').fill('brand-new-pass-2');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/welcome$/);
});

test('an invalid reset link says so and offers a new one', async ({ page }) => {
  await page.goto('/update-password');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Link invalid or expired' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  await checkScreen(page, 'update password, invalid link');
});
