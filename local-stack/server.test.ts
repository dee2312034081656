// The local stack's gateway, /auth/v1 and /functions/v1, driven by supabase-js as the app does.
import { rmSync } from 'node:fs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthMail } from './auth/handler.ts';
import { tempDataDir } from './database.ts';
import { signJwt } from './jwt.ts';
import { createNodeClient } from './node-client.ts';
import { LOCAL_ANON_KEY, LOCAL_JWT_SECRET, LOCAL_SERVICE_ROLE_KEY } from './keys.ts';
import { DEMO_ACCOUNTS, seedDemo } from './seed-demo.ts';
import { startStack, wipeStackData, type Stack } from './server.ts';

let stack: Stack;
const dataDir = tempDataDir('stack-server-test');
const mails: AuthMail[] = [];
const functionLogs: string[] = [];

beforeAll(async () => {
  stack = await startStack({
    port: 0,
    dataDir,
    functionsDir: 'local-stack/test-fixtures/functions',
    env: { AI_MODEL: 'fixture-model' },
    onMail: (mail) => mails.push(mail),
    log: (line) => functionLogs.push(line),
  });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const client = (key = LOCAL_ANON_KEY, headers: Record<string, string> = {}): SupabaseClient =>
  createNodeClient(stack.url, key, { global: { headers } });

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${(counter += 1)}@example.com`;

async function signedUpUser(password = 'password123') {
  const supabase = client();
  const email = uniqueEmail('user');
  const { data, error } = await supabase.auth.signUp({ email, password });
  expect(error).toBeNull();
  return { supabase, email, password, session: data.session!, user: data.user! };
}

describe('gateway', () => {
  it('answers health with 200 once ready', async () => {
    const res = await fetch(`${stack.url}/auth/v1/health`, { headers: { apikey: LOCAL_ANON_KEY } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'GoTrue' });
  });

  it('refuses a missing apikey with 401 on /auth and /rest', async () => {
    for (const path of ['/auth/v1/settings', '/rest/v1/sessions']) {
      const res = await fetch(`${stack.url}${path}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: 'No API key found in request' });
    }
  });

  it('refuses a wrong apikey with 401', async () => {
    const forged = await signJwt({ role: 'service_role' }, 'another-secret-another-secret-xxxxx');
    for (const key of ['not-a-key', forged]) {
      const res = await fetch(`${stack.url}/auth/v1/settings`, { headers: { apikey: key } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ message: 'Invalid API key' });
    }
  });

  it('accepts the key as a bearer token alone', async () => {
    const res = await fetch(`${stack.url}/auth/v1/settings`, {
      headers: { Authorization: `Bearer ${LOCAL_ANON_KEY}` },
    });
    expect(res.status).toBe(200);
  });

  it('answers CORS preflights with the headers supabase-js sends', async () => {
    const res = await fetch(`${stack.url}/rest/v1/sessions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'x-custom-thing',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = res.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'authorization',
      'apikey',
      'content-type',
      'x-client-info',
      'prefer',
      'range',
      'accept-profile',
      'content-profile',
      'x-custom-thing',
    ]) {
      expect(allowed).toContain(header);
    }
  });

  it('adds CORS headers to ordinary answers and 404s unknown services', async () => {
    const res = await fetch(`${stack.url}/auth/v1/settings`, {
      headers: { apikey: LOCAL_ANON_KEY },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${stack.url}/storage/v1/bucket`);
    expect(missing.status).toBe(404);
  });
});

describe('auth', () => {
  it('signs up, confirmed at once, with a GoTrue-shaped session and access token', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await client().auth.signUp({
      email,
      password: 'password123',
      options: { data: { display_name: 'Ada' } },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      aud: 'authenticated',
      role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Ada', email_verified: true },
      is_anonymous: false,
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    const session = data.session!;
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    const claims = decodeJwt(session.access_token);
    expect(claims).toMatchObject({
      sub: data.user?.id,
      role: 'authenticated',
      aud: 'authenticated',
      email,
      phone: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { display_name: 'Ada' },
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(typeof claims.session_id).toBe('string');
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
  });

  it('refuses an existing email with 422 user_already_exists', async () => {
    const { email } = await signedUpUser();
    const { data, error } = await client().auth.signUp({ email, password: 'another-pass' });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 422, code: 'user_already_exists' });
    expect(error?.message).toBe('User already registered');
  });

  it('refuses a weak password with 422 weak_password and its reasons', async () => {
    const { error } = await client().auth.signUp({ email: uniqueEmail('weak'), password: '12345' });
    expect(error).toMatchObject({ status: 422, code: 'weak_password', reasons: ['length'] });
    expect(error?.name).toBe('AuthWeakPasswordError');
  });

  it('signs in with the password and refuses a wrong one or an unknown email', async () => {
    const { email, password, user } = await signedUpUser();
    const good = await client().auth.signInWithPassword({ email: email.toUpperCase(), password });
    expect(good.error).toBeNull();
    expect(good.data.user?.id).toBe(user.id);
    for (const attempt of [
      { email, password: 'wrong-password' },
      { email: uniqueEmail('nobody'), password },
    ]) {
      const { data, error } = await client().auth.signInWithPassword(attempt);
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
      expect(error?.message).toBe('Invalid login credentials');
    }
  });

  it('answers old API-version clients with the legacy error body', async () => {
    const res = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('legacy'), password: 'whatever1' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(await res.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
  });

  it('refuses malformed JSON with 400 bad_json', async () => {
    const res = await fetch(`${stack.url}/auth/v1/signup`, {
      method: 'POST',
      headers: {
        apikey: LOCAL_ANON_KEY,
        'Content-Type': 'application/json',
        'X-Supabase-Api-Version': '2024-01-01',
      },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad_json' });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await fetch(`${stack.url}/auth/v1/signup`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: uniqueEmail('huge'), password: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
  });

  it('rotates refresh tokens and refuses a used one, revoking its family', async () => {
    const { session } = await signedUpUser();
    const supabase = client();
    const first = await supabase.auth.refreshSession({ refresh_token: session.refresh_token });
    expect(first.error).toBeNull();
    const rotated = first.data.session!;
    expect(rotated.refresh_token).not.toBe(session.refresh_token);
    expect(decodeJwt(rotated.access_token).session_id).toBe(
      decodeJwt(session.access_token).session_id,
    );

    const reuse = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(reuse.data.session).toBeNull();
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });

    // Reuse looks like theft: the newer token of the same session is revoked as well.
    const after = await client().auth.refreshSession({ refresh_token: rotated.refresh_token });
    expect(after.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
  });

  it('refuses an unknown refresh token', async () => {
    const { error } = await client().auth.refreshSession({ refresh_token: 'no-such-token' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('gets and updates the user: metadata, email and password', async () => {
    const { supabase, password } = await signedUpUser();
    const fetched = await supabase.auth.getUser();
    expect(fetched.error).toBeNull();

    const newEmail = uniqueEmail('changed');
    const updated = await supabase.auth.updateUser({
      data: { goal: 20 },
      email: newEmail,
      password: 'new-password-1',
    });
    expect(updated.error).toBeNull();
    expect(updated.data.user).toMatchObject({ email: newEmail, user_metadata: { goal: 20 } });

    const old = await client().auth.signInWithPassword({ email: newEmail, password });
    expect(old.error).toMatchObject({ code: 'invalid_credentials' });
    const fresh = await client().auth.signInWithPassword({
      email: newEmail,
      password: 'new-password-1',
    });
    expect(fresh.error).toBeNull();

    const same = await supabase.auth.updateUser({ password: 'new-password-1' });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
    const weak = await supabase.auth.updateUser({ password: 'abc' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('refuses a user changing their own app_metadata', async () => {
    const { session } = await signedUpUser();
    const res = await fetch(`${stack.url}/auth/v1/user`, {
      method: 'PUT',
      headers: {
        apikey: LOCAL_ANON_KEY,
        Authorization: `Bearer ${session.access_token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ app_metadata: { role: 'admin' } }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-sb-error-code')).toBe('not_admin');
  });

  it('signs out: refresh tokens revoked and the access token loses its session', async () => {
    const { supabase, session } = await signedUpUser();
    const { error } = await supabase.auth.signOut();
    expect(error).toBeNull();
    const refresh = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
    const user = await client().auth.getUser(session.access_token);
    expect(user.data.user).toBeNull();
    expect(user.error?.name).toBe('AuthSessionMissingError');
  });

  it('signs out locally without ending the other sessions', async () => {
    const { supabase, email, password } = await signedUpUser();
    const other = await client().auth.signInWithPassword({ email, password });
    await supabase.auth.signOut({ scope: 'local' });
    const still = await client().auth.getUser(other.data.session!.access_token);
    expect(still.error).toBeNull();
  });

  it('refuses forged, expired and missing tokens on /user', async () => {
    const { user } = await signedUpUser();
    const claims = { sub: user.id, role: 'authenticated', aud: 'authenticated' };
    const forged = await signJwt(claims, 'not-the-secret-not-the-secret-not-the');
    const now = Math.floor(Date.now() / 1000);
    const expired = await signJwt(
      { ...claims, iat: now - 7200, exp: now - 3600 },
      LOCAL_JWT_SECRET,
    );
    for (const token of [forged, expired]) {
      const { data, error } = await client().auth.getUser(token);
      expect(data.user).toBeNull();
      expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
    }
    const res = await fetch(`${stack.url}/auth/v1/user`, { headers: { apikey: LOCAL_ANON_KEY } });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-sb-error-code')).toBe('no_authorization');
  });

  it('serves the settings', async () => {
    const res = await fetch(`${stack.url}/auth/v1/settings`, {
      headers: { apikey: LOCAL_ANON_KEY },
    });
    expect(await res.json()).toMatchObject({
      external: { email: true, phone: false },
      disable_signup: false,
      mailer_autoconfirm: true,
    });
  });

  it('recovers a password with the emailed code', async () => {
    const { email } = await signedUpUser();
    const unknown = await client().auth.resetPasswordForEmail(uniqueEmail('ghost'));
    expect(unknown.error).toBeNull();
    const { error } = await client().auth.resetPasswordForEmail(email);
    expect(error).toBeNull();
    const mail = mails.findLast((item) => item.to === email)!;
    expect(mail.otp).toMatch(/^\d{6}$/);

    const wrongCode = mail.otp === '000000' ? '111111' : '000000';
    const wrong = await client().auth.verifyOtp({ email, token: wrongCode, type: 'recovery' });
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired' });

    const supabase = client();
    const verified = await supabase.auth.verifyOtp({ email, token: mail.otp, type: 'recovery' });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.access_token).toBeTruthy();
    expect((await supabase.auth.updateUser({ password: 'recovered-1' })).error).toBeNull();
    const signIn = await client().auth.signInWithPassword({ email, password: 'recovered-1' });
    expect(signIn.error).toBeNull();

    const again = await client().auth.verifyOtp({ email, token: mail.otp, type: 'recovery' });
    expect(again.error).toMatchObject({ code: 'otp_expired' });
  });

  it('recovers a password through the emailed link, redirecting with the session', async () => {
    const { email } = await signedUpUser();
    await client().auth.resetPasswordForEmail(email, { redirectTo: 'http://127.0.0.1:5173/reset' });
    const mail = mails.findLast((item) => item.to === email)!;
    const res = await fetch(mail.link, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:5173/reset');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('type')).toBe('recovery');
    const { data } = await client().auth.getUser(fragment.get('access_token')!);
    expect(data.user?.email).toBe(email);

    const reused = await fetch(mail.link, { redirect: 'manual' });
    const failed = new URLSearchParams(new URL(reused.headers.get('location')!).hash.slice(1));
    expect(failed.get('error_code')).toBe('otp_expired');
  });
});

describe('auth admin', () => {
  it('creates, reads, updates and deletes users with the service role', async () => {
    const admin = client(LOCAL_SERVICE_ROLE_KEY).auth.admin;
    const email = uniqueEmail('admin-made');
    const created = await admin.createUser({
      email,
      password: 'password123',
      email_confirm: true,
      user_metadata: { name: 'Coach' },
    });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user).toMatchObject({
      email,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { name: 'Coach' },
    });

    const updated = await admin.updateUserById(id, { app_metadata: { role: 'admin' } });
    expect(updated.data.user?.app_metadata).toMatchObject({ role: 'admin', provider: 'email' });
    expect((await admin.getUserById(id)).data.user?.app_metadata.role).toBe('admin');

    const signIn = await client().auth.signInWithPassword({ email, password: 'password123' });
    expect(decodeJwt(signIn.data.session!.access_token).app_metadata).toMatchObject({
      role: 'admin',
    });

    const duplicate = await admin.createUser({ email, password: 'password123' });
    expect(duplicate.error).toMatchObject({ status: 422, code: 'email_exists' });

    expect((await admin.deleteUser(id)).error).toBeNull();
    const gone = await admin.getUserById(id);
    expect(gone.error).toMatchObject({ status: 404, code: 'user_not_found' });

    // The deleted user's tokens stop working.
    const me = await client().auth.getUser(signIn.data.session!.access_token);
    expect(me.error).toMatchObject({ status: 403, code: 'user_not_found' });
    const refresh = await client().auth.refreshSession({
      refresh_token: signIn.data.session!.refresh_token,
    });
    expect(refresh.error).toMatchObject({ status: 400 });
  });

  it('keeps an unconfirmed admin-made user out until confirmed', async () => {
    const admin = client(LOCAL_SERVICE_ROLE_KEY).auth.admin;
    const email = uniqueEmail('unconfirmed');
    await admin.createUser({ email, password: 'password123' });
    const { error } = await client().auth.signInWithPassword({ email, password: 'password123' });
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it('refuses the admin API to the anon key and to user tokens with 403 not_admin', async () => {
    const { session, user } = await signedUpUser();
    const anon = await client().auth.admin.createUser({
      email: uniqueEmail('x'),
      password: 'pw1234567',
    });
    expect(anon.error).toMatchObject({ status: 403, code: 'not_admin' });
    expect(anon.error?.message).toBe('User not allowed');

    const asUser = client(LOCAL_ANON_KEY, { Authorization: `Bearer ${session.access_token}` });
    const deleted = await asUser.auth.admin.deleteUser(user.id);
    expect(deleted.error).toMatchObject({ status: 403, code: 'not_admin' });
    expect(
      (await client(LOCAL_SERVICE_ROLE_KEY).auth.admin.getUserById(user.id)).data.user,
    ).not.toBeNull();
  });
});

describe('functions', () => {
  it('passes method, headers, body and query through and gives the Supabase env', async () => {
    const res = await fetch(`${stack.url}/functions/v1/echo/sub/path?a=1&b=two`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${LOCAL_ANON_KEY}`,
        'Content-Type': 'text/plain',
        'X-Custom': 'kept',
      },
      body: 'raw body ✓',
    });
    expect(res.status).toBe(200);
    const echo = await res.json();
    expect(echo).toMatchObject({
      method: 'PUT',
      path: '/echo/sub/path',
      query: { a: '1', b: 'two' },
      body: 'raw body ✓',
      headers: { 'x-custom': 'kept', 'content-type': 'text/plain' },
      env: {
        SUPABASE_URL: stack.url,
        SUPABASE_ANON_KEY: LOCAL_ANON_KEY,
        SUPABASE_SERVICE_ROLE_KEY: LOCAL_SERVICE_ROLE_KEY,
        SUPABASE_DB_URL: stack.dbUrl,
        AI_MODEL: 'fixture-model',
      },
    });
  });

  it('works through supabase-js functions.invoke with the user token', async () => {
    const { session } = await signedUpUser();
    const supabase = client(LOCAL_ANON_KEY, { Authorization: `Bearer ${session.access_token}` });
    const { data, error } = await supabase.functions.invoke('echo', { body: { hello: 'world' } });
    expect(error).toBeNull();
    expect(data.method).toBe('POST');
    expect(JSON.parse(data.body)).toEqual({ hello: 'world' });
    expect(data.headers.authorization).toBe(`Bearer ${session.access_token}`);
  });

  it('lets the function answer its own CORS preflight', async () => {
    const res = await fetch(`${stack.url}/functions/v1/echo`, { method: 'OPTIONS' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('answers 500 when a function throws, and keeps serving', async () => {
    const headers = { Authorization: `Bearer ${LOCAL_ANON_KEY}` };
    const thrown = await fetch(`${stack.url}/functions/v1/throws`, { method: 'POST', headers });
    expect(thrown.status).toBe(500);
    const next = await fetch(`${stack.url}/functions/v1/echo`, { headers });
    expect(next.status).toBe(200);
    expect(functionLogs.some((line) => line.includes('boom on POST'))).toBe(true);
  });

  it('404s unknown, _shared and _-prefixed functions', async () => {
    const headers = { Authorization: `Bearer ${LOCAL_ANON_KEY}` };
    for (const name of ['nope', '_shared', '_private']) {
      const res = await fetch(`${stack.url}/functions/v1/${name}`, { headers });
      expect(res.status).toBe(404);
    }
  });

  it('refuses a missing or forged JWT with 401 as a hosted gateway words it (verify_jwt)', async () => {
    const missing = await fetch(`${stack.url}/functions/v1/echo`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ code: 401, message: 'Missing authorization header' });
    const forged = await signJwt({ role: 'anon' }, 'not-the-secret-not-the-secret-not-the');
    for (const authorization of [`Bearer ${forged}`, 'Bearer not-a-jwt', LOCAL_ANON_KEY]) {
      const bad = await fetch(`${stack.url}/functions/v1/echo`, {
        headers: { Authorization: authorization },
      });
      expect(bad.status).toBe(401);
      expect(await bad.json()).toEqual({ code: 401, message: 'Invalid JWT' });
    }
  });
});

describe('stack data', () => {
  it('refuses to wipe the data of a running stack', () => {
    expect(() => wipeStackData(dataDir)).toThrow(/still running/);
  });
});

describe('seed-demo', () => {
  it('creates the demo accounts and the athlete history once, through the admin API', async () => {
    const target = { url: stack.url, serviceRoleKey: stack.serviceRoleKey, dbUrl: stack.dbUrl };
    const lines: string[] = [];
    await seedDemo({ ...target, log: (line) => lines.push(line) });
    await seedDemo({ ...target, log: (line) => lines.push(line) });
    expect(lines[1]).toContain('already has history');

    const athlete = client();
    const signIn = await athlete.auth.signInWithPassword(DEMO_ACCOUNTS.athlete);
    expect(signIn.error).toBeNull();
    const admin = await client().auth.signInWithPassword(DEMO_ACCOUNTS.admin);
    expect(decodeJwt(admin.data.session!.access_token).app_metadata).toMatchObject({
      role: 'admin',
    });

    const history = await client(LOCAL_ANON_KEY, {
      Authorization: `Bearer ${signIn.data.session!.access_token}`,
    })
      .from('sessions')
      .select('status, rpe, is_ai_generated, ai_comment, session_date');
    expect(history.error).toBeNull();
    const rows = history.data ?? [];
    expect(rows).toHaveLength(25);
    const finished = rows.filter((row) => row.status !== 'planned');
    expect(finished.filter((row) => row.status === 'failed').length).toBeGreaterThanOrEqual(1);
    for (const row of finished.filter((row) => row.status === 'completed')) {
      expect(row.rpe).toBeGreaterThanOrEqual(6);
      expect(row.rpe).toBeLessThanOrEqual(9);
    }
    const planned = rows.filter((row) => row.status === 'planned');
    expect(planned).toHaveLength(1);
    expect(new Date(planned[0]!.session_date).getTime()).toBeGreaterThan(Date.now());
    const ai = rows.filter((row) => row.is_ai_generated);
    expect(ai.length).toBeGreaterThanOrEqual(3);
    expect(ai.every((row) => typeof row.ai_comment === 'string')).toBe(true);
  });
});
