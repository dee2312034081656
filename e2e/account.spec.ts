// Data ownership: the export downloads exactly what the database holds, and deleting the account
// leaves nothing of the athlete behind.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { LOCAL_SERVICE_ROLE_KEY } from '../local-stack/keys.ts';
import {
  hoursAgo,
  seedGenerations,
  seedSession,
  stackUrl,
  type Athlete,
} from './support/backend.ts';
import { expect, test } from './support/fixtures.ts';
import { checkScreen } from './support/screen-checks.ts';

const service = {
  apikey: LOCAL_SERVICE_ROLE_KEY,
  Authorization: `Bearer ${LOCAL_SERVICE_ROLE_KEY}`,
};

/** A service-role read through /rest/v1 (bypasses RLS, as an operator would look). */
async function serviceGet<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${stackUrl}${path}`, { headers: service });
  return { status: res.status, body: (await res.json()) as T };
}

interface StoredSession {
  id: string;
  session_date: string;
  status: string;
  set_1: number | null;
  set_2: number | null;
  set_3: number | null;
  set_4: number | null;
  set_5: number | null;
  total_reps: number;
  rpe: number | null;
  ai_comment: string | null;
  ai_intent: string | null;
  created_at: string;
}

async function storedSessions(athlete: Athlete): Promise<StoredSession[]> {
  const { body } = await serviceGet<StoredSession[]>(
    `/rest/v1/sessions?user_id=eq.${athlete.id}&select=id,session_date,status,set_1,set_2,set_3,set_4,set_5,total_reps,rpe,ai_comment,ai_intent,created_at&order=session_date.desc`,
  );
  return body;
}

const iso = (value: string) => new Date(value).toISOString();

async function download(page: Page, scope: string, label: string): Promise<Download> {
  const region = page.getByRole('region', { name: scope });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: label }).click(),
  ]);
  return file;
}

async function contents(file: Download): Promise<string> {
  const path = await file.path();
  return readFile(path, 'utf8');
}

async function seedHistory(athlete: Athlete) {
  await seedSession(athlete, {
    status: 'completed',
    session_date: hoursAgo(96).toISOString(),
    sets: [8, 7, 6, 6, 5],
    rpe: 8,
  });
  await seedSession(athlete, {
    status: 'failed',
    session_date: hoursAgo(48).toISOString(),
    sets: [6, 5, 4, null, null],
  });
  await seedSession(athlete, {
    status: 'planned',
    session_date: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    sets: [9, 8, 7, 6, 6],
  });
}

test('export downloads JSON and CSV files whose contents match the database', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedHistory(athlete);
  await openSignedIn('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await checkScreen(page, 'settings');
  const stored = await storedSessions(athlete);
  expect(stored).toHaveLength(3);

  const json = await download(page, 'Export your data', 'Download JSON');
  expect(json.suggestedFilename()).toMatch(/^pullup-sessions-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await contents(json)) as {
    user_id: string;
    sessions: Array<{
      id: string;
      session_date: string;
      status: string;
      sets: Array<number | null>;
      total_reps: number;
      rpe: number | null;
      ai_comment: string | null;
      ai_intent: string | null;
    }>;
  };
  expect(exported.user_id).toBe(athlete.id);
  expect(exported.sessions.map((s) => ({ ...s, session_date: iso(s.session_date) }))).toMatchObject(
    stored.map((row) => ({
      id: row.id,
      session_date: iso(row.session_date),
      status: row.status,
      sets: [row.set_1, row.set_2, row.set_3, row.set_4, row.set_5],
      total_reps: row.total_reps,
      rpe: row.rpe,
      ai_comment: row.ai_comment,
      ai_intent: row.ai_intent,
    })),
  );
  await expect(page.getByText(json.suggestedFilename())).toBeVisible();

  const csv = await download(page, 'Export your data', 'Download CSV');
  expect(csv.suggestedFilename()).toMatch(/^pullup-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...lines] = (await contents(csv)).trimEnd().split('\r\n');
  expect(header).toBe(
    'session_date,status,set_1,set_2,set_3,set_4,set_5,total_reps,rpe,ai_generated,modified,ai_comment,ai_intent,created_at',
  );
  const cell = (value: number | null) => (value === null ? '' : String(value));
  expect(
    lines.map((line) => {
      const [date, ...rest] = line.split(',');
      return [iso(date!), ...rest.slice(0, 8)].join(',');
    }),
  ).toEqual(
    stored.map((row) =>
      [
        iso(row.session_date),
        row.status,
        cell(row.set_1),
        cell(row.set_2),
        cell(row.set_3),
        cell(row.set_4),
        cell(row.set_5),
        cell(row.total_reps),
        cell(row.rpe),
      ].join(','),
    ),
  );
});

test('deleting the account needs DELETE typed, removes every row of the athlete and signs out', async ({
  page,
  athlete,
  openSignedIn,
}) => {
  await seedHistory(athlete);
  await seedGenerations(athlete, [hoursAgo(2)]);
  const logged = await fetch(`${stackUrl}/rest/v1/generation_error_logs`, {
    method: 'POST',
    headers: { ...service, 'Content-Type': 'application/json', Prefer: 'return=minimal' },
    body: JSON.stringify({
      user_id: athlete.id,
      error_type: 'timeout',
      error_message: 'The provider took too long.',
    }),
  });
  expect(logged.status).toBe(201);
  const tables = ['sessions', 'generations', 'generation_error_logs', 'events'] as const;
  for (const table of tables) {
    const { body } = await serviceGet<unknown[]>(
      `/rest/v1/${table}?user_id=eq.${athlete.id}&select=id`,
    );
    expect(body.length, `${table} before the deletion`).toBeGreaterThan(0);
  }

  await openSignedIn('/settings');
  const section = page.getByRole('region', { name: 'Delete account' });
  const remove = section.getByRole('button', { name: 'Delete my account and all data' });
  await expect(section.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await expect(remove).toBeDisabled();
  await section.getByLabel('Type DELETE to confirm').fill('DELETE');
  await expect(remove).toBeEnabled();
  await checkScreen(page, 'settings, deletion confirmed');
  await remove.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in(\?deleted=1)?$/);
  for (const table of tables) {
    const { body } = await serviceGet<unknown[]>(
      `/rest/v1/${table}?user_id=eq.${athlete.id}&select=id`,
    );
    expect(body, `${table} after the deletion`).toEqual([]);
  }
  const user = await serviceGet<unknown>(`/auth/v1/admin/users/${athlete.id}`);
  expect(user.status).toBe(404);
  // Nothing of the session is left on the phone: the app stays signed out after a reload.
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
