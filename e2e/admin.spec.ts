// The admin screen: hidden from athletes (and the function refuses them), open to admins.
import { LOCAL_SERVICE_ROLE_KEY } from '../local-stack/keys.ts';
import { stackUrl, uniqueEmail, type Athlete } from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

/** An admin made as the README says: app_metadata.role through the auth admin API. */
async function createAdmin(): Promise<Athlete> {
  const email = uniqueEmail('admin');
  const password = 'pull-ups-admin-1';
  const res = await fetch(`${stackUrl}/auth/v1/admin/users`, {
    method: 'POST',
    headers: {
      apikey: LOCAL_SERVICE_ROLE_KEY,
      Authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ email, password, email_confirm: true, app_metadata: { role: 'admin' } }),
  });
  if (!res.ok) throw new Error(`creating the admin failed: ${res.status} ${await res.text()}`);
  const user = (await res.json()) as { id: string };
  return { id: user.id, email, password };
}

test('an athlete sees no link to the admin screen and none of its content', async ({
  page,
  openSignedIn,
}) => {
  await openSignedIn('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('link', { name: /admin/i })).toHaveCount(0);

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByText('This page is for admins')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Activation rate' })).toHaveCount(0);
  await expect(page.getByRole('figure')).toHaveCount(0);
  await checkScreen(page, 'admin, not an admin');
});

test('an admin reaches the metrics from settings and sees them against their targets', async ({
  page,
  openSignedIn,
}) => {
  const admin = await createAdmin();
  await openSignedIn('/settings', admin);
  await page.getByRole('link', { name: 'Open the admin screen' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();

  for (const name of ['Activation rate', 'AI adoption']) {
    const card = page.getByRole('heading', { name, exact: true }).locator('..');
    await expect(card).toContainText(/Target (not )?met \(target ≥ \d+ %\)/);
  }
  await expect(page.getByText('Success rate, last 7 days')).toBeVisible();
  await expect(page.getByText('Sessions per user')).toBeVisible();
  const chart = page.getByRole('figure', { name: 'Events per type, last 30 days' });
  // This admin's own sign-up is an event of the last 30 days.
  await expect(chart.getByRole('rowheader', { name: 'user registered' })).toBeVisible();
  await expect(page.getByText('This page is for admins')).toHaveCount(0);
  await checkScreen(page, 'admin');
});
