import { describe, expect, test } from 'vitest';
import {
  CSV_HEADER,
  csvText,
  exportCsv,
  exportFileName,
  exportJson,
  type ExportSessionRow,
} from './export-format.ts';

const row = (overrides: Partial<ExportSessionRow> = {}): ExportSessionRow => ({
  id: '6a1f0c2e-8a9b-4c1d-9e2f-0a1b2c3d4e5f',
  session_date: '2025-01-03T10:30:00+00:00',
  status: 'completed',
  set_1: 12,
  set_2: 15,
  set_3: 13,
  set_4: 11,
  set_5: 14,
  total_reps: 65,
  rpe: 7,
  is_ai_generated: true,
  is_modified: false,
  ai_comment: 'Great progress this week!',
  ai_intent: 'progress',
  created_at: '2025-01-02T20:00:00+00:00',
  updated_at: '2025-01-03T10:45:00.123+00:00',
  ...overrides,
});

describe('JSON export', () => {
  test("matches the seed's structure", () => {
    const doc = exportJson('u-1', [row()], new Date('2025-01-10T12:00:00Z'));
    expect(doc).toEqual({
      export_date: '2025-01-10T12:00:00Z',
      user_id: 'u-1',
      sessions: [
        {
          id: '6a1f0c2e-8a9b-4c1d-9e2f-0a1b2c3d4e5f',
          session_date: '2025-01-03T10:30:00Z',
          status: 'completed',
          sets: [12, 15, 13, 11, 14],
          total_reps: 65,
          rpe: 7,
          is_ai_generated: true,
          is_modified: false,
          ai_comment: 'Great progress this week!',
          ai_intent: 'progress',
          created_at: '2025-01-02T20:00:00Z',
          updated_at: '2025-01-03T10:45:00.123Z',
        },
      ],
    });
  });
});

describe('CSV export', () => {
  test("matches the seed's header and row", () => {
    expect(exportCsv([row()])).toBe(
      `${CSV_HEADER}\r\n2025-01-03T10:30:00Z,completed,12,15,13,11,14,65,7,true,false,"Great progress this week!",progress,2025-01-02T20:00:00Z\r\n`,
    );
  });

  test('empty sets, RPE, comment and intent are empty cells', () => {
    const line = exportCsv([
      row({
        set_4: null,
        set_5: null,
        rpe: null,
        ai_comment: null,
        ai_intent: null,
        status: 'failed',
      }),
    ]).split('\r\n')[1];
    expect(line).toBe(
      '2025-01-03T10:30:00Z,failed,12,15,13,,,65,,true,false,,,2025-01-02T20:00:00Z',
    );
  });

  test('quotes, commas and line breaks are quoted per RFC 4180', () => {
    expect(csvText('He said "one more", then\r\nstopped')).toBe(
      '"He said ""one more"", then\r\nstopped"',
    );
  });

  test.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'a comment starting a formula (%j) is neutralised',
    (comment) => {
      const cell = csvText(comment);
      expect(cell.startsWith(`"'`)).toBe(true);
      expect(cell).toBe(`"'${comment.replace(/"/g, '""')}"`);
    },
  );

  test('an export with no sessions is the header alone', () => {
    expect(exportCsv([])).toBe(`${CSV_HEADER}\r\n`);
  });
});

test('file names carry the export date', () => {
  expect(exportFileName('csv', new Date('2026-11-25T23:59:00Z'))).toBe(
    'pullup-sessions-2026-11-25.csv',
  );
});

describe('dates the database bounds but an export must survive anyway', () => {
  test('the earliest allowed date and values JavaScript cannot read are written, never thrown on', () => {
    const rows = [
      row({ session_date: '2000-01-01T00:00:00+00:00' }),
      row({ session_date: '-infinity' }),
      row({ session_date: '0044-03-15T12:00:00+00:00 BC' }),
    ];
    const json = exportJson('user-1', rows, new Date('2025-01-04T00:00:00Z'));
    expect(json.sessions.map((s) => s.session_date)).toEqual([
      '2000-01-01T00:00:00Z',
      '-infinity',
      '0044-03-15T12:00:00+00:00 BC',
    ]);
    expect(exportCsv(rows).split('\r\n')[2]).toMatch(/^-infinity,completed,/);
  });
});
