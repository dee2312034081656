// The whole first journey of a new athlete, on a phone: sign up, the one first-run question,
// the coach's first session, training it set by set, the RPE, the history, and the coach again.
import { sessionsOf, uniqueEmail } from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

test('a new athlete signs up, trains the coach’s first session and asks the coach again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail('journey');

  await test.step('sign up', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('first-journey-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible();
    await checkScreen(page, 'welcome');
  });

  await test.step('first session from the coach', async () => {
    const baseline = page.getByRole('spinbutton', { name: /most pull-ups/ });
    await expect(baseline).toHaveValue('5');
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: /most pull-ups.*: one more/ }).click();
    }
    await expect(baseline).toHaveValue('8');
    await page.getByRole('button', { name: 'Get my first session' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Your coach has a plan' }),
    ).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Target reps per set' }).getByRole('listitem'),
    ).toHaveCount(5);
    await checkScreen(page, 'welcome, first session planned');
    await page.getByRole('link', { name: 'Go to today' }).click();
  });

  await test.step('dashboard shows the planned session and the asks left', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Next session' })).toBeVisible();
    await expect(page.getByText('AI asks left: 4 of 5')).toBeVisible();
    await checkScreen(page, 'dashboard with a planned session');
    await page.getByRole('link', { name: 'Start workout' }).click();
  });

  const recorded: number[] = [];
  await test.step('train set by set with the steppers, skipping the rests', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Ready to train?' })).toBeVisible();
    await expect(page.getByText('Rest first?')).toHaveCount(0);
    await checkScreen(page, 'workout start');
    await page.getByRole('button', { name: 'Start workout' }).click();

    const reps = page.getByRole('spinbutton', { name: 'Reps done' });
    for (let set = 1; set <= 5; set += 1) {
      await expect(page.getByRole('heading', { level: 1, name: `Set ${set} of 5` })).toBeVisible();
      // One more than the target on the first set, one less on the second, the target after.
      if (set === 1) await page.getByRole('button', { name: 'Reps done: one more' }).click();
      if (set === 2) await page.getByRole('button', { name: 'Reps done: one less' }).click();
      if (set === 1) await checkScreen(page, 'workout set');
      recorded.push(Number(await reps.inputValue()));
      await page.getByRole('button', { name: 'Done', exact: true }).click();
      if (set < 5) {
        await expect(page.getByRole('heading', { level: 1, name: 'Rest' })).toBeVisible();
        await expect(page.getByRole('timer')).toBeVisible();
        if (set === 1) await checkScreen(page, 'workout rest');
        await page.getByRole('button', { name: 'Skip rest' }).click();
      }
    }
  });

  await test.step('RPE and finish as completed', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'All 5 sets done' })).toBeVisible();
    await page.getByRole('button', { name: 'RPE 7' }).click();
    await expect(page.getByRole('button', { name: 'RPE 7' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await checkScreen(page, 'workout RPE');
    await page.getByRole('button', { name: 'Finish: completed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Workout complete' })).toBeVisible();
    const total = recorded.reduce((sum, value) => sum + value, 0);
    await expect(page.getByText(`Total: ${total} reps`)).toBeVisible();
    await checkScreen(page, 'workout complete');
  });

  await test.step('the finished session reached the database', async () => {
    await expect
      .poll(() => sessionsOfEmailOwner(page))
      .toEqual([{ status: 'completed', rpe: 7, is_ai_generated: true, sets: recorded }]);
  });

  await test.step('it is in the history, read-only', async () => {
    await page.getByRole('link', { name: 'Back to today' }).first().click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'History' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    // Each row is one link to its detail.
    const rows = page.getByRole('list', { name: 'Sessions' }).getByRole('link');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('RPE 7');
    await checkScreen(page, 'history');
    await rows.first().click();
    await expect(
      page.getByText('Completed sessions are part of your history and stay as they are.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await checkScreen(page, 'completed session detail');
  });

  await test.step('ask the coach again from the dashboard', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Today' })
      .click();
    await expect(page.getByRole('heading', { name: 'Nothing planned' })).toBeVisible();
    await checkScreen(page, 'dashboard, nothing planned');
    await page.getByRole('button', { name: 'Ask the coach' }).click();
    await expect(page.getByText('The coach planned your next session.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Next session' })).toBeVisible();
    await expect(page.getByText('AI asks left: 3 of 5')).toBeVisible();
  });

  // The athlete's id is only known to the browser: read it from the stored session.
  async function sessionsOfEmailOwner(current: typeof page) {
    const id = await current.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.endsWith('-auth-token'));
      const stored = key
        ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { user?: { id?: string } })
        : {};
      return stored.user?.id ?? '';
    });
    const rows = await sessionsOf({ id, email, password: '' });
    return rows.map(({ status, rpe, is_ai_generated, set_1, set_2, set_3, set_4, set_5 }) => ({
      status,
      rpe,
      is_ai_generated,
      sets: [set_1, set_2, set_3, set_4, set_5],
    }));
  }
});
