import assert from 'node:assert/strict';
import { adminMetrics } from './handler.ts';
import {
  errorOf,
  FORGED_TOKEN,
  newAthlete,
  request,
  testDeps,
  viaStack,
} from '../_test/support.ts';

const deps = testDeps();

Deno.test('admin-metrics answers admins with the metrics and their targets', async () => {
  const adminUser = await newAthlete({ admin: true });
  const response = await adminMetrics(
    request('admin-metrics', { method: 'GET', token: adminUser.token }),
    deps,
  );
  assert.equal(response.status, 200);
  const body = await response.json();
  for (const key of [
    'users',
    'activation_rate',
    'ai_adoption_rate',
    'ai_success_rate_7d',
    'ai_success_rate_all',
    'avg_sessions_per_user',
    'sessions_by_status',
    'events_last_30_days',
    'new_users_per_week',
  ]) {
    assert.ok(key in body, key);
  }
  assert.ok(body.users >= 1);
  assert.equal(body.targets.activation_rate.target, 70);
  assert.equal(body.targets.ai_adoption_rate.target, 60);
  assert.equal(body.targets.activation_rate.met, body.activation_rate >= 70);
});

Deno.test('admin-metrics: 403 for athletes, 401 without a valid token, 405 for POST', async () => {
  const athlete = await newAthlete();
  const cases: [string, Request, number, string][] = [
    [
      'athlete',
      request('admin-metrics', { method: 'GET', token: athlete.token }),
      403,
      'forbidden',
    ],
    ['no token', request('admin-metrics', { method: 'GET' }), 401, 'unauthorized'],
    [
      'forged',
      request('admin-metrics', { method: 'GET', token: FORGED_TOKEN }),
      401,
      'unauthorized',
    ],
    [
      'POST',
      request('admin-metrics', { token: athlete.token, body: {} }),
      405,
      'method_not_allowed',
    ],
  ];
  for (const [name, req, status, code] of cases) {
    const error = await errorOf(await adminMetrics(req, deps));
    assert.deepEqual([error.status, error.code], [status, code], name);
  }
  const viaGateway = await viaStack('admin-metrics', {
    headers: { Authorization: `Bearer ${athlete.token}` },
  });
  assert.equal(viaGateway.status, 403);
});
