import assert from 'node:assert/strict';
import {
  openAiCompatibleCoach,
  ruleBasedCoach,
  type CoachProvider,
} from '../_shared/server/ai-provider.ts';
import { generateSession, type GenerateSessionDeps } from './handler.ts';
import {
  admin,
  countRows,
  errorOf,
  FORGED_TOKEN,
  giveHistory,
  newAthlete,
  request,
  testDeps,
  viaStack,
} from '../_test/support.ts';
import { startFakeAi, type FakeAiMode } from '../_test/fake-ai.ts';

function depsWith(coach: CoachProvider, aiTimeoutMs = 2000): GenerateSessionDeps {
  return { ...testDeps(), coach, aiTimeoutMs };
}

async function withFakeAi(
  mode: FakeAiMode,
  body: (deps: GenerateSessionDeps, fake: ReturnType<typeof startFakeAi>) => Promise<void>,
  timeoutMs = 2000,
) {
  const fake = startFakeAi(mode);
  try {
    await body(
      depsWith(
        openAiCompatibleCoach({ baseUrl: fake.baseUrl, apiKey: 'test-key', model: 'fake-gpt' }),
        timeoutMs,
      ),
      fake,
    );
  } finally {
    await fake.close();
  }
}

const ask = (token: string, body?: unknown) =>
  request('generate-session', { token, ...(body === undefined ? {} : { body }) });

async function generations(userId: string) {
  const { data } = await admin
    .from('generations')
    .select('status, model, session_id, duration_ms')
    .eq('user_id', userId)
    .order('created_at');
  return data ?? [];
}

async function eventTypes(userId: string) {
  const { data } = await admin
    .from('events')
    .select('event_type')
    .eq('user_id', userId)
    .like('event_type', 'ai_%');
  return (data ?? []).map((e) => e.event_type).sort();
}

Deno.test(
  'first session from the rule-based coach: planned AI session, generation, events, quota',
  async () => {
    const athlete = await newAthlete();
    const response = await generateSession(
      ask(athlete.token, { baseline_max_reps: 10 }),
      depsWith(ruleBasedCoach),
    );
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.equal(body.session.status, 'planned');
    assert.equal(body.session.is_ai_generated, true);
    assert.equal(body.session.user_id, athlete.id);
    const sets = [
      body.session.set_1,
      body.session.set_2,
      body.session.set_3,
      body.session.set_4,
      body.session.set_5,
    ];
    assert.ok(
      sets.every((n: number) => n >= 1 && n <= 10),
      `sets ${sets}`,
    );
    assert.equal(sets[0], 5);
    assert.match(body.session.ai_comment, /10 pull-ups/);
    assert.equal(body.session.ai_intent, 'first_session');
    assert.equal(body.generation.model, 'rule-based-coach-v2');
    assert.deepEqual(
      { limit: body.quota.limit, used: body.quota.used, remaining: body.quota.remaining },
      { limit: 5, used: 1, remaining: 4 },
    );
    assert.ok(Date.parse(body.quota.next_slot_at) > Date.now());
    assert.deepEqual(await generations(athlete.id), [
      {
        status: 'success',
        model: 'rule-based-coach-v2',
        session_id: body.session.id,
        duration_ms: body.generation.duration_ms,
      },
    ]);
    assert.deepEqual(await eventTypes(athlete.id), [
      'ai_generation_attempted',
      'ai_generation_succeeded',
    ]);
  },
);

Deno.test('the next session is dated 24 h after the last one and follows the history', async () => {
  const athlete = await newAthlete();
  await giveHistory(athlete.id, [
    { sets: [6, 6, 5, 5, 4], rpe: 7, daysAgo: 3 },
    { sets: [6, 6, 6, 5, 5], rpe: 7, daysAgo: 0.5 },
  ]);
  const response = await generateSession(ask(athlete.token), depsWith(ruleBasedCoach));
  assert.equal(response.status, 201);
  const { session } = await response.json();
  const { data: last } = await admin
    .from('sessions')
    .select('session_date')
    .eq('user_id', athlete.id)
    .eq('status', 'completed')
    .order('session_date', { ascending: false })
    .limit(1)
    .single();
  const gapHours = (Date.parse(session.session_date) - Date.parse(last!.session_date)) / 3_600_000;
  assert.ok(Math.abs(gapHours - 24) < 0.01, `gap ${gapHours} h`);
  assert.ok(session.total_reps >= 28 && session.total_reps <= 31, `total ${session.total_reps}`);
});

Deno.test('no history and no baseline: 400 baseline_required, no quota used', async () => {
  const athlete = await newAthlete();
  const error = await errorOf(await generateSession(ask(athlete.token), depsWith(ruleBasedCoach)));
  assert.deepEqual([error.status, error.code], [400, 'baseline_required']);
  assert.equal((await countRows(athlete.id)).generations, 0);
});

Deno.test('an active session: 409 active_session_exists, no quota used', async () => {
  const athlete = await newAthlete();
  await admin.from('sessions').insert({ user_id: athlete.id, set_1: 5 });
  const error = await errorOf(
    await generateSession(ask(athlete.token, { baseline_max_reps: 8 }), depsWith(ruleBasedCoach)),
  );
  assert.deepEqual([error.status, error.code], [409, 'active_session_exists']);
  assert.equal((await countRows(athlete.id)).generations, 0);
});

Deno.test(
  'the sixth ask in 24 h: 429 with Retry-After, whatever the earlier outcomes',
  async () => {
    const athlete = await newAthlete();
    const hoursAgo = [23, 20, 10, 5, 1];
    await admin.from('generations').insert(
      hoursAgo.map((h, i) => ({
        user_id: athlete.id,
        model: 'm',
        duration_ms: 10,
        status: i % 2 ? ('error' as const) : ('timeout' as const),
        created_at: new Date(Date.now() - h * 3_600_000).toISOString(),
      })),
    );
    const response = await generateSession(
      ask(athlete.token, { baseline_max_reps: 8 }),
      depsWith(ruleBasedCoach),
    );
    assert.equal(response.status, 429);
    const retryAfter = Number(response.headers.get('retry-after'));
    const body = await response.json();
    assert.equal(body.error.code, 'rate_limited');
    assert.equal(body.error.details.retry_after_seconds, retryAfter);
    // The attempt 23 h ago frees its slot in about an hour.
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, `retry after ${retryAfter}`);
    assert.equal((await countRows(athlete.id)).generations, 5);
  },
);

Deno.test('20 simultaneous asks with 2 slots left reach the provider at most twice', async () => {
  const athlete = await newAthlete();
  await admin.from('generations').insert(
    [1, 2, 3].map(() => ({
      user_id: athlete.id,
      model: 'm',
      duration_ms: 10,
      status: 'error' as const,
    })),
  );
  // The provider fails, so no session blocks the next ask: only the quota limits them.
  await withFakeAi({ kind: 'status', status: 500 }, async (deps, fake) => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        generateSession(ask(athlete.token, { baseline_max_reps: 8 }), deps),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    await Promise.all(responses.map((r) => r.body?.cancel()));
    assert.equal(fake.calls, 2);
    assert.deepEqual(statuses, [...Array(18).fill(429), ...Array(2).fill(502)]);
    assert.equal((await countRows(athlete.id)).generations, 5);
  });
});

Deno.test('LLM answers a good plan: it is used, bounded and recorded under its model', async () => {
  const athlete = await newAthlete();
  await giveHistory(athlete.id, [{ sets: [8, 8, 7, 7, 6], rpe: 7, daysAgo: 2 }]);
  await withFakeAi({ kind: 'plan', sets: [9, 9, 7, 7, 6] }, async (deps, fake) => {
    const response = await generateSession(ask(athlete.token), deps);
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.equal(fake.calls, 1);
    const sent = fake.lastBody as { model: string; messages: { content: string }[] };
    assert.equal(sent.model, 'fake-gpt');
    assert.match(sent.messages[1]!.content, /"total_reps":36/);
    assert.deepEqual(
      [
        body.session.set_1,
        body.session.set_2,
        body.session.set_3,
        body.session.set_4,
        body.session.set_5,
      ],
      [9, 9, 7, 7, 6],
    );
    assert.equal(body.bounds.adjusted, false);
    assert.equal(body.generation.model, 'fake-gpt');
    assert.match(body.session.ai_comment, /Add one rep/);
    // The provider gave no intent: the session records none.
    assert.equal(body.session.ai_intent, null);
  });
});

Deno.test(
  "LLM's intent is recorded with the session; an unknown one is invalid output",
  async () => {
    const athlete = await newAthlete();
    await giveHistory(athlete.id, [{ sets: [8, 8, 7, 7, 6], rpe: 7, daysAgo: 2 }]);
    await withFakeAi({ kind: 'plan', sets: [9, 9, 7, 7, 6], intent: 'progress' }, async (deps) => {
      const response = await generateSession(ask(athlete.token), deps);
      assert.equal(response.status, 201);
      const body = await response.json();
      assert.equal(body.session.ai_intent, 'progress');
      await admin.from('sessions').delete().eq('id', body.session.id);
    });
    await withFakeAi({ kind: 'plan', sets: [9, 9, 7, 7, 6], intent: 'bulk_up' }, async (deps) => {
      const response = await generateSession(ask(athlete.token), deps);
      assert.equal(response.status, 502);
      await response.body?.cancel();
    });
  },
);

Deno.test(
  'LLM comment with a NUL byte and a lone surrogate (PostgreSQL stores neither): cleaned, 201',
  async () => {
    const athlete = await newAthlete();
    await giveHistory(athlete.id, [{ sets: [8, 8, 7, 7, 6], rpe: 7, daysAgo: 2 }]);
    const comment =
      'Keep it\u0000 steady today. Add one rep to the first set \ud800when it feels easy.';
    await withFakeAi({ kind: 'plan', sets: [9, 9, 7, 7, 6], comment }, async (deps) => {
      const response = await generateSession(ask(athlete.token), deps);
      assert.equal(response.status, 201);
      const body = await response.json();
      assert.equal(
        body.session.ai_comment,
        'Keep it steady today. Add one rep to the first set \ufffdwhen it feels easy.',
      );
      assert.equal(body.quota.used, 1);
    });
  },
);

Deno.test('the coach reads its intents back: after its deload the athlete resumes', async () => {
  const athlete = await newAthlete();
  await giveHistory(athlete.id, [
    { sets: [10, 10, 9, 9, 8], rpe: 9, daysAgo: 4, ai_comment: 'Repeat.', intent: 'repeat' },
    // Rated RPE 8: from the totals alone this would not read as a deload.
    { sets: [6, 6, 6, 5, 5], rpe: 8, daysAgo: 2, ai_comment: 'Deload.', intent: 'deload' },
  ]);
  const response = await generateSession(ask(athlete.token), depsWith(ruleBasedCoach));
  assert.equal(response.status, 201);
  const { session } = await response.json();
  assert.deepEqual(
    [session.set_1, session.set_2, session.set_3, session.set_4, session.set_5],
    [10, 10, 9, 9, 8],
  );
  assert.equal(session.ai_intent, 'repeat');
  assert.match(session.ai_comment, /Your last session was a deload/);
});

Deno.test(
  'LLM answers out-of-bounds numbers: the plan is clamped and the comment says so',
  async () => {
    const athlete = await newAthlete();
    await giveHistory(athlete.id, [{ sets: [8, 8, 7, 7, 6], rpe: 7, daysAgo: 2 }]);
    await withFakeAi({ kind: 'plan', sets: [60, 60, 60, 60, 60] }, async (deps) => {
      const response = await generateSession(ask(athlete.token), deps);
      assert.equal(response.status, 201);
      const body = await response.json();
      const sets = [
        body.session.set_1,
        body.session.set_2,
        body.session.set_3,
        body.session.set_4,
        body.session.set_5,
      ];
      assert.ok(
        sets.every((n: number) => n <= 10),
        `no set above best + 2: ${sets}`,
      );
      assert.ok(body.session.total_reps <= 39, `volume within 10 %: ${body.session.total_reps}`);
      assert.equal(body.bounds.adjusted, true);
      assert.ok(body.bounds.reasons.includes('above_best_set'));
      assert.match(body.session.ai_comment, /trimmed to stay safe/);
    });
  },
);

for (const [name, mode, errorType] of [
  ['garbage', { kind: 'garbage' }, 'invalid_output'],
  ['an invalid plan', { kind: 'plan', sets: [5, 5, 5] }, 'invalid_output'],
  ['a 500', { kind: 'status', status: 500 }, 'provider_error'],
  ['a 429', { kind: 'status', status: 429 }, 'provider_error'],
] as const) {
  Deno.test(`LLM answers ${name}: 502 ai_error, error logged, no session left behind`, async () => {
    const athlete = await newAthlete();
    await withFakeAi(mode, async (deps) => {
      const error = await errorOf(
        await generateSession(ask(athlete.token, { baseline_max_reps: 8 }), deps),
      );
      assert.deepEqual([error.status, error.code], [502, 'ai_error']);
    });
    assert.deepEqual(
      (await generations(athlete.id)).map((g) => [g.status, g.session_id]),
      [['error', null]],
    );
    const { data: logs } = await admin
      .from('generation_error_logs')
      .select('error_type, error_message')
      .eq('user_id', athlete.id);
    assert.equal(logs?.length, 1);
    assert.equal(logs![0]!.error_type, errorType);
    assert.equal((await countRows(athlete.id)).sessions, 0);
    assert.deepEqual(await eventTypes(athlete.id), [
      'ai_generation_attempted',
      'ai_generation_failed',
    ]);
  });
}

Deno.test('LLM stalls past AI_TIMEOUT_MS: 504 ai_timeout, recorded as timeout', async () => {
  const athlete = await newAthlete();
  await withFakeAi(
    { kind: 'stall' },
    async (deps) => {
      const error = await errorOf(
        await generateSession(ask(athlete.token, { baseline_max_reps: 8 }), deps),
      );
      assert.deepEqual([error.status, error.code], [504, 'ai_timeout']);
    },
    300,
  );
  const [generation] = await generations(athlete.id);
  assert.equal(generation!.status, 'timeout');
  assert.ok(generation!.duration_ms >= 300, `duration ${generation!.duration_ms}`);
  assert.equal((await countRows(athlete.id)).sessions, 0);
});

Deno.test('generate-session rejects bad input with 4xx, writing nothing', async () => {
  const athlete = await newAthlete();
  const deps = depsWith(ruleBasedCoach);
  const cases: [string, Request, number, string][] = [
    [
      'wrong method',
      request('generate-session', { method: 'GET', token: athlete.token }),
      405,
      'method_not_allowed',
    ],
    [
      'no token',
      request('generate-session', { body: { baseline_max_reps: 8 } }),
      401,
      'unauthorized',
    ],
    [
      'forged token',
      request('generate-session', { token: FORGED_TOKEN, body: {} }),
      401,
      'unauthorized',
    ],
    [
      'malformed JSON',
      request('generate-session', { token: athlete.token, rawBody: '{"baseline_max_reps":' }),
      400,
      'invalid_json',
    ],
    ['wrong type', ask(athlete.token, { baseline_max_reps: 'ten' }), 400, 'invalid_input'],
    ['zero', ask(athlete.token, { baseline_max_reps: 0 }), 400, 'invalid_input'],
    ['above 60', ask(athlete.token, { baseline_max_reps: 61 }), 400, 'invalid_input'],
    ['fraction', ask(athlete.token, { baseline_max_reps: 7.5 }), 400, 'invalid_input'],
    [
      'not a date',
      ask(athlete.token, { baseline_max_reps: 8, session_date: 'tomorrow' }),
      400,
      'invalid_input',
    ],
    [
      'too far ahead',
      ask(athlete.token, {
        baseline_max_reps: 8,
        session_date: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      }),
      400,
      'invalid_session_date',
    ],
    [
      'unknown field',
      ask(athlete.token, { baseline_max_reps: 8, is_ai_generated: false }),
      400,
      'invalid_input',
    ],
    [
      'oversized',
      ask(athlete.token, { baseline_max_reps: 8, pad: 'x'.repeat(5000) }),
      413,
      'payload_too_large',
    ],
  ];
  for (const [name, req, status, code] of cases) {
    const error = await errorOf(await generateSession(req, deps));
    assert.deepEqual([error.status, error.code], [status, code], name);
  }
  const rows = await countRows(athlete.id);
  assert.deepEqual([rows.generations, rows.sessions], [0, 0]);
});

Deno.test(
  'generate-session through the local stack with supabase-js functions.invoke and fetch',
  async () => {
    const athlete = await newAthlete();
    const { createClient } = await import('@supabase/supabase-js');
    const { env } = await import('../_test/support.ts');
    const client = createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
      auth: { persistSession: false },
      global: { headers: { Authorization: `Bearer ${athlete.token}` } },
    });
    const { data, error } = await client.functions.invoke('generate-session', {
      body: { baseline_max_reps: 12 },
    });
    assert.equal(error, null);
    assert.equal(data.session.set_1, 6);
    const again = await viaStack('generate-session', {
      method: 'POST',
      headers: { Authorization: `Bearer ${athlete.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ baseline_max_reps: 12 }),
    });
    assert.equal(again.status, 409);
    assert.equal((await again.json()).error.code, 'active_session_exists');
  },
);
