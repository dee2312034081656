import assert from 'node:assert/strict';
import { CSV_HEADER } from '../_shared/export-format.ts';
import { exportSessions } from './handler.ts';
import {
  admin,
  errorOf,
  FORGED_TOKEN,
  giveHistory,
  newAthlete,
  request,
  testDeps,
  viaStack,
} from '../_test/support.ts';

const now = new Date('2026-11-25T10:00:00Z');
const deps = testDeps({ now: () => now });

Deno.test(
  "export-sessions as JSON: the seed format, newest first, only the caller's sessions",
  async () => {
    const athlete = await newAthlete();
    const other = await newAthlete();
    await giveHistory(athlete.id, [
      { sets: [5, 5, 4, 4, 3], rpe: 7, daysAgo: 6 },
      { sets: [6, 5, 5, 4, null], status: 'failed', daysAgo: 4 },
      {
        sets: [6, 6, 5, 5, 4],
        rpe: 8,
        daysAgo: 2,
        ai_comment: 'Nice and steady.',
        intent: 'progress',
      },
    ]);
    await giveHistory(other.id, [{ sets: [20, 20, 20, 20, 20], daysAgo: 1 }]);
    const response = await exportSessions(
      request('export-sessions', { method: 'GET', token: athlete.token, query: '?format=json' }),
      deps,
    );
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-disposition'),
      'attachment; filename="pullup-sessions-2026-11-25.json"',
    );
    const doc = await response.json();
    assert.equal(doc.user_id, athlete.id);
    assert.equal(doc.export_date, '2026-11-25T10:00:00Z');
    assert.deepEqual(
      doc.sessions.map((s: { sets: unknown; status: string; total_reps: number }) => [
        s.status,
        s.sets,
        s.total_reps,
      ]),
      [
        ['completed', [6, 6, 5, 5, 4], 26],
        ['failed', [6, 5, 5, 4, null], 20],
        ['completed', [5, 5, 4, 4, 3], 21],
      ],
    );
    assert.deepEqual(Object.keys(doc.sessions[0]), [
      'id',
      'session_date',
      'status',
      'sets',
      'total_reps',
      'rpe',
      'is_ai_generated',
      'is_modified',
      'ai_comment',
      'ai_intent',
      'created_at',
      'updated_at',
    ]);
    assert.equal(doc.sessions[0].ai_comment, 'Nice and steady.');
    assert.equal(doc.sessions[0].ai_intent, 'progress');
    assert.equal(doc.sessions[1].ai_intent, null);
  },
);

Deno.test(
  'export-sessions as CSV: RFC 4180, formulas neutralised, matches the database',
  async () => {
    const athlete = await newAthlete();
    await giveHistory(athlete.id, [
      {
        sets: [5, 5, 4, 4, 3],
        rpe: 7,
        daysAgo: 3,
        ai_comment: '=HYPERLINK("http://evil","click"), then "rest"',
        intent: 'deload',
      },
    ]);
    const response = await exportSessions(
      request('export-sessions', { method: 'GET', token: athlete.token, query: '?format=csv' }),
      deps,
    );
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.equal(
      response.headers.get('content-disposition'),
      'attachment; filename="pullup-sessions-2026-11-25.csv"',
    );
    const lines = (await response.text()).split('\r\n');
    assert.equal(lines[0], CSV_HEADER);
    const { data: row } = await admin
      .from('sessions')
      .select('session_date, created_at')
      .eq('user_id', athlete.id)
      .single();
    const iso = (v: string) => new Date(v).toISOString().replace(/\.000Z$/, 'Z');
    assert.equal(
      lines[1],
      `${iso(row!.session_date)},completed,5,5,4,4,3,21,7,true,false,"'=HYPERLINK(""http://evil"",""click""), then ""rest""",deload,${iso(row!.created_at)}`,
    );
    assert.equal(lines[2], '');
  },
);

Deno.test('export-sessions rejects bad input', async () => {
  const athlete = await newAthlete();
  const cases: [string, Request, number, string][] = [
    [
      'wrong method',
      request('export-sessions', { token: athlete.token }),
      405,
      'method_not_allowed',
    ],
    [
      'no token',
      request('export-sessions', { method: 'GET', query: '?format=csv' }),
      401,
      'unauthorized',
    ],
    [
      'forged token',
      request('export-sessions', { method: 'GET', token: FORGED_TOKEN }),
      401,
      'unauthorized',
    ],
    [
      'unknown format',
      request('export-sessions', { method: 'GET', token: athlete.token, query: '?format=xlsx' }),
      400,
      'invalid_format',
    ],
  ];
  for (const [name, req, status, code] of cases) {
    const error = await errorOf(await exportSessions(req, deps));
    assert.deepEqual([error.status, error.code], [status, code], name);
  }
});

Deno.test('export-sessions through the local stack downloads a file', async () => {
  const athlete = await newAthlete();
  const response = await viaStack('export-sessions', {
    query: '?format=csv',
    headers: { Authorization: `Bearer ${athlete.token}` },
  });
  assert.equal(response.status, 200);
  assert.match(
    response.headers.get('content-disposition') ?? '',
    /^attachment; filename="pullup-sessions-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  assert.equal(await response.text(), `${CSV_HEADER}\r\n`);
});
