// /auth/v1 held to Supabase Auth's limits: rate limits per client IP (each test speaks from its
// own loopback address, 127.0.0.x), over-long passwords, NUL characters, admin user creation.
import { rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tempDataDir } from '../database.ts';
import { LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY } from '../keys.ts';
import { createNodeClient } from '../node-client.ts';
import { startStack, type Stack } from '../server.ts';
import type { AuthMail } from './handler.ts';
import { readAuthRateLimits } from './rate-limits.ts';

let stack: Stack;
const dataDir = tempDataDir('auth-handler-test');
const mails: AuthMail[] = [];

beforeAll(async () => {
  stack = await startStack({
    port: 0,
    dataDir,
    functionsDir: 'local-stack/auth/no-functions-here',
    log: () => {},
    onMail: (mail) => mails.push(mail),
    // config.toml's own limits, but a minute between recovery emails, so the second request
    // falls inside the window however slow the machine is.
    authRateLimits: { emailMaxFrequencyMs: 60_000 },
  });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** fetch over node:http from a chosen loopback address, so each test is its own client IP. */
function fetchFrom(localAddress: string): typeof fetch {
  return (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = http.request(
        url,
        { method: init.method ?? 'GET', headers, localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const body = Buffer.concat(chunks);
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (typeof value === 'string') responseHeaders.set(name, value);
            }
            resolve(
              new Response(body.length > 0 ? body : null, {
                status: res.statusCode ?? 500,
                headers: responseHeaders,
              }),
            );
          });
        },
      );
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
  };
}

const client = (ip: string, key = LOCAL_ANON_KEY): SupabaseClient =>
  createNodeClient(stack.url, key, { global: { fetch: fetchFrom(ip) } });
const admin = () => createNodeClient(stack.url, LOCAL_SERVICE_ROLE_KEY);

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now()}-${(counter += 1)}@example.com`;

async function confirmedUser(password = 'password123') {
  const email = uniqueEmail('user');
  const { data, error } = await admin().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  });
  expect(error).toBeNull();
  return { email, password, id: data.user!.id };
}

/** The status and error code of each settled supabase-js auth call. */
const outcomes = (results: Array<{ error: { status?: number; code?: string } | null }>) =>
  results.map((result) => (result.error ? `${result.error.status} ${result.error.code}` : 'ok'));
const count = (list: string[], value: string) => list.filter((item) => item === value).length;

describe('rate limits', () => {
  it('reads [auth.rate_limit] and max_frequency from supabase/config.toml', () => {
    expect(readAuthRateLimits(join(projectRoot, 'supabase/config.toml'))).toEqual({
      signInSignUps: 30,
      tokenRefresh: 150,
      tokenVerifications: 30,
      emailMaxFrequencyMs: 1000,
    });
  });

  it('limits password sign-ins per client IP: a burst of 30, then 429 over_request_rate_limit', async () => {
    const { email, password } = await confirmedUser();
    const attacker = client('127.0.0.11');
    // Unknown addresses cost no bcrypt, so the 45 land together: 30 pass, the rest wait for a
    // refill of one per 2 s (150 per 5 min).
    const guesses = outcomes(
      await Promise.all(
        Array.from({ length: 45 }, (_, index) =>
          attacker.auth.signInWithPassword({ email: `ghost-${index}@example.com`, password }),
        ),
      ),
    );
    expect(count(guesses, '400 invalid_credentials')).toBeGreaterThanOrEqual(30);
    expect(count(guesses, '429 over_request_rate_limit')).toBeGreaterThanOrEqual(10);
    expect(
      count(guesses, '400 invalid_credentials') + count(guesses, '429 over_request_rate_limit'),
    ).toBe(45);

    const refused = await attacker.auth.signInWithPassword({ email, password });
    expect(refused.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    // Another client is not held back by the first one's limit.
    const other = await client('127.0.0.12').auth.signInWithPassword({ email, password });
    expect(other.error).toBeNull();
    expect(other.data.session?.access_token).toBeTruthy();
  });

  it('limits sign-ups per client IP', async () => {
    const signups = client('127.0.0.13');
    // The limit comes before the password check, so weak passwords cost no bcrypt either.
    const results = outcomes(
      await Promise.all(
        Array.from({ length: 40 }, () =>
          signups.auth.signUp({ email: uniqueEmail('flood'), password: 'x' }),
        ),
      ),
    );
    expect(count(results, '422 weak_password')).toBeGreaterThanOrEqual(30);
    expect(count(results, '429 over_request_rate_limit')).toBeGreaterThanOrEqual(5);
  });

  it('stops a recovery code brute force: guesses are limited per IP and per email', async () => {
    const { email } = await confirmedUser();
    expect((await client('127.0.0.14').auth.resetPasswordForEmail(email)).error).toBeNull();
    const mail = mails.findLast((item) => item.to === email)!;
    const wrong = (index: number) =>
      String((Number(mail.otp) + 1 + index) % 1_000_000).padStart(6, '0');

    const guesser = client('127.0.0.15');
    const guesses = outcomes(
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          guesser.auth.verifyOtp({ email, token: wrong(index), type: 'recovery' }),
        ),
      ),
    );
    expect(count(guesses, '403 otp_expired')).toBeGreaterThanOrEqual(30);
    expect(count(guesses, '429 over_request_rate_limit')).toBeGreaterThanOrEqual(5);
    // Refills come one per 10 s (30 per 5 min): the right code is refused too, from this IP
    // and from a fresh one, as the email's own allowance is spent.
    for (const ip of ['127.0.0.15', '127.0.0.16']) {
      const right = await client(ip).auth.verifyOtp({ email, token: mail.otp, type: 'recovery' });
      expect(right.error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
    }
    // The email link (a 56-hex token hash, not guessable) is limited per IP only.
    const link = new URL(mail.link);
    const linked = await fetchFrom('127.0.0.17')(link.href, { redirect: 'manual' });
    expect(linked.status).toBe(303);
    expect(
      new URLSearchParams(new URL(linked.headers.get('location')!).hash.slice(1)).get('type'),
    ).toBe('recovery');
  });

  it('refuses a second recovery email to one user inside max_frequency', async () => {
    const { email } = await confirmedUser();
    const requester = client('127.0.0.18');
    expect((await requester.auth.resetPasswordForEmail(email)).error).toBeNull();
    const again = await requester.auth.resetPasswordForEmail(email);
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    expect(again.error?.message).toMatch(
      /^For security purposes, you can only request this after \d+ seconds\.$/,
    );
    expect(mails.filter((item) => item.to === email)).toHaveLength(1);
  });
});

describe('passwords over 72 bytes', () => {
  // 17 emoji of 4 bytes and a tail: 40 UTF-16 units, 78 bytes.
  const emoji = '💪'.repeat(17);
  const tooLong = `${emoji}tail-1`;

  it('are refused on sign-up and password updates as GoTrue does', async () => {
    const signup = await client('127.0.0.21').auth.signUp({
      email: uniqueEmail('long'),
      password: tooLong,
    });
    expect(signup.error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Password cannot be longer than 72 characters',
    });

    const { email, password, id } = await confirmedUser();
    const supabase = client('127.0.0.21');
    expect((await supabase.auth.signInWithPassword({ email, password })).error).toBeNull();
    const update = await supabase.auth.updateUser({ password: tooLong });
    expect(update.error).toMatchObject({ status: 400, code: 'validation_failed' });

    const adminUpdate = await admin().auth.admin.updateUserById(id, { password: tooLong });
    expect(adminUpdate.error).toMatchObject({ status: 400, code: 'validation_failed' });
    const adminCreate = await admin().auth.admin.createUser({
      email: uniqueEmail('long'),
      password: tooLong,
    });
    expect(adminCreate.error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'bcrypt: password length exceeds 72 bytes',
    });
    // Nothing changed: the old password still signs in.
    expect(
      (await client('127.0.0.21').auth.signInWithPassword({ email, password })).error,
    ).toBeNull();
  });

  it('never sign in on their first 72 bytes', async () => {
    const exact = `${'💪'.repeat(18)}`; // 72 bytes
    const { email } = await confirmedUser(exact);
    const supabase = client('127.0.0.22');
    const longer = await supabase.auth.signInWithPassword({
      email,
      password: `${exact}other-tail`,
    });
    expect(longer.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
    expect((await supabase.auth.signInWithPassword({ email, password: exact })).error).toBeNull();
  });
});

describe('NUL characters', () => {
  const NUL = '\u0000';

  async function call(path: string, body: unknown, token = LOCAL_ANON_KEY, method = 'POST') {
    const res = await fetch(`${stack.url}/auth/v1${path}`, {
      method,
      headers: {
        apikey: LOCAL_ANON_KEY,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('get a 4xx from every auth endpoint, never a 500', async () => {
    const { email, password } = await confirmedUser();
    const session = await client('127.0.0.31').auth.signInWithPassword({ email, password });
    const userToken = session.data.session!.access_token;
    const cases: Array<[string, unknown, string?, string?]> = [
      ['/signup', { email: `a${NUL}@example.com`, password }],
      ['/signup', { email: uniqueEmail('nul'), password, data: { name: `x${NUL}` } }],
      ['/signup', { email: uniqueEmail('nul'), password, data: { [`k${NUL}`]: 1 } }],
      ['/token?grant_type=password', { email: `${email}${NUL}`, password }],
      ['/token?grant_type=refresh_token', { refresh_token: `abc${NUL}` }],
      ['/recover', { email: `${email}${NUL}` }],
      ['/verify', { type: 'recovery', email: `${email}${NUL}`, token: '123456' }],
      ['/verify', { type: 'recovery', email, token: `12${NUL}456` }],
      ['/verify', { type: 'recovery', token_hash: `abc${NUL}` }],
      ['/user', { data: { bio: `x${NUL}` } }, userToken, 'PUT'],
      ['/user', { email: `b${NUL}@example.com` }, userToken, 'PUT'],
      ['/admin/users', { email: `c${NUL}@example.com` }, LOCAL_SERVICE_ROLE_KEY],
      [
        '/admin/users',
        { email: uniqueEmail('nul'), user_metadata: { nested: [`x${NUL}`] } },
        LOCAL_SERVICE_ROLE_KEY,
      ],
      [
        '/admin/users',
        { email: uniqueEmail('nul'), app_metadata: { role: `admin${NUL}` } },
        LOCAL_SERVICE_ROLE_KEY,
      ],
    ];
    const answers: Array<{ path: string; body: unknown; status: number }> = [];
    for (const [path, body, token, method] of cases) {
      answers.push({ path, body, status: (await call(path, body, token, method)).status });
    }
    expect(answers.filter((answer) => answer.status < 400 || answer.status >= 500)).toEqual([]);
    const link = await fetch(
      `${stack.url}/auth/v1/verify?type=recovery&token=abc%00def&redirect_to=http://127.0.0.1:5173/x`,
      { redirect: 'manual' },
    );
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toContain('error_code=otp_expired');
    // The user's metadata was not half written.
    const { data } = await admin().auth.admin.listUsers({ perPage: 1000 });
    expect(data.users.some((user) => JSON.stringify(user).includes('\\u0000'))).toBe(false);
  });

  it('may stand in a password, which is only hashed', async () => {
    const password = `pass${NUL}word`;
    const email = uniqueEmail('nulpass');
    const signup = await client('127.0.0.32').auth.signUp({ email, password });
    expect(signup.error).toBeNull();
    const wrong = await client('127.0.0.32').auth.signInWithPassword({
      email,
      password: `pass${NUL}wore`,
    });
    expect(wrong.error).toMatchObject({ code: 'invalid_credentials' });
    expect(
      (await client('127.0.0.32').auth.signInWithPassword({ email, password })).error,
    ).toBeNull();
  });
});

describe('admin user create', () => {
  it('refuses an email GoTrue refuses', async () => {
    for (const email of [
      'user@example..com',
      '<script>@example.com',
      'ünïcode@example.com',
      'user@-example.com',
      'two@@example.com',
    ]) {
      const { error } = await admin().auth.admin.createUser({ email, password: 'password123' });
      expect({ email, error }).toMatchObject({
        error: {
          status: 400,
          code: 'validation_failed',
          message: 'Unable to validate email address: invalid format',
        },
      });
    }
    const plain = await admin().auth.admin.createUser({ email: 'User.Name+tag@Example.com' });
    expect(plain.error).toBeNull();
    expect(plain.data.user?.email).toBe('user.name+tag@example.com');
  });

  it('stores user_metadata as given, adding only email_verified when it confirms', async () => {
    const unconfirmed = await admin().auth.admin.createUser({
      email: uniqueEmail('meta'),
      user_metadata: { display_name: 'Ada' },
    });
    expect(unconfirmed.error).toBeNull();
    expect(unconfirmed.data.user?.user_metadata).toEqual({ display_name: 'Ada' });

    const confirmed = await admin().auth.admin.createUser({
      email: uniqueEmail('meta'),
      email_confirm: true,
      user_metadata: { display_name: 'Grace' },
    });
    expect(confirmed.data.user?.user_metadata).toEqual({
      display_name: 'Grace',
      email_verified: true,
    });
    const bare = await admin().auth.admin.createUser({ email: uniqueEmail('meta') });
    expect(bare.data.user?.user_metadata).toEqual({});
  });
});
