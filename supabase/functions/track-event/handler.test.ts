import assert from 'node:assert/strict';
import { trackEvent } from './handler.ts';
import {
  countRows,
  env,
  errorOf,
  FORGED_TOKEN,
  newAthlete,
  request,
  testDeps,
  viaStack,
} from '../_test/support.ts';

const deps = testDeps();
const shown = {
  event_type: 'rest_period_warning_shown',
  event_data: { hours_since_last: 18, last_session_id: '0b6f3f2e-6a3c-4d0e-9a7b-1c2d3e4f5a6b' },
};

Deno.test('track-event records a rest warning for the caller: 201', async () => {
  const athlete = await newAthlete();
  const response = await trackEvent(
    request('track-event', { token: athlete.token, body: shown }),
    deps,
  );
  assert.equal(response.status, 201);
  const { event } = await response.json();
  assert.equal(event.event_type, 'rest_period_warning_shown');
  assert.deepEqual(event.event_data, shown.event_data);
  // user_registered (trigger) + this one
  assert.equal((await countRows(athlete.id)).events, 2);
});

Deno.test('track-event rejects bad input with 4xx and writes nothing', async () => {
  const athlete = await newAthlete();
  const cases: [string, Request, number, string][] = [
    [
      'wrong method',
      request('track-event', { method: 'GET', token: athlete.token }),
      405,
      'method_not_allowed',
    ],
    ['no token', request('track-event', { body: shown }), 401, 'unauthorized'],
    [
      'forged token',
      request('track-event', { token: FORGED_TOKEN, body: shown }),
      401,
      'unauthorized',
    ],
    [
      'malformed JSON',
      request('track-event', { token: athlete.token, rawBody: '{"event_type":' }),
      400,
      'invalid_json',
    ],
    ['empty body', request('track-event', { token: athlete.token }), 400, 'invalid_input'],
    [
      'event type not allowed',
      request('track-event', {
        token: athlete.token,
        body: { ...shown, event_type: 'session_completed' },
      }),
      400,
      'invalid_input',
    ],
    [
      'wrong type',
      request('track-event', {
        token: athlete.token,
        body: { ...shown, event_data: { ...shown.event_data, hours_since_last: 'eighteen' } },
      }),
      400,
      'invalid_input',
    ],
    [
      'out of range',
      request('track-event', {
        token: athlete.token,
        body: { ...shown, event_data: { ...shown.event_data, hours_since_last: -1 } },
      }),
      400,
      'invalid_input',
    ],
    [
      'not a uuid',
      request('track-event', {
        token: athlete.token,
        body: {
          ...shown,
          event_data: { ...shown.event_data, last_session_id: "1'; drop table events; --" },
        },
      }),
      400,
      'invalid_input',
    ],
    [
      'unknown field',
      request('track-event', {
        token: athlete.token,
        body: { ...shown, user_id: crypto.randomUUID() },
      }),
      400,
      'invalid_input',
    ],
    [
      'oversized',
      request('track-event', {
        token: athlete.token,
        body: { ...shown, event_data: { ...shown.event_data, context: 'x'.repeat(5000) } },
      }),
      413,
      'payload_too_large',
    ],
  ];
  for (const [name, req, status, code] of cases) {
    const error = await errorOf(await trackEvent(req, deps));
    assert.equal(error.status, status, name);
    assert.equal(error.code, code, name);
  }
  assert.equal((await countRows(athlete.id)).events, 1, 'only user_registered');
});

Deno.test('track-event answers CORS preflights for allowed origins only', async () => {
  const allowed = await trackEvent(
    request('track-event', { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173' } }),
    deps,
  );
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
  assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
  const other = await trackEvent(
    request('track-event', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } }),
    deps,
  );
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

Deno.test('track-event through the local stack, as curl calls it', async () => {
  const athlete = await newAthlete();
  const response = await viaStack('track-event', {
    method: 'POST',
    headers: { Authorization: `Bearer ${athlete.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...shown, event_type: 'rest_period_warning_ignored' }),
  });
  assert.equal(response.status, 201);
  assert.equal((await response.json()).event.event_type, 'rest_period_warning_ignored');
  const unauthenticated = await viaStack('track-event', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${env.SUPABASE_ANON_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(shown),
  });
  assert.equal(unauthenticated.status, 401);
});
