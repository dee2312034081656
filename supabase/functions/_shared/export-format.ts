// The seed's "Data Export Format": a JSON document and a CSV file of the athlete's
// sessions. CSV follows RFC 4180 and neutralises spreadsheet formula injection.

export interface ExportSessionRow {
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
  is_ai_generated: boolean;
  is_modified: boolean;
  ai_comment: string | null;
  ai_intent: string | null;
  created_at: string;
  updated_at: string;
}

export const EXPORT_COLUMNS =
  'id,session_date,status,set_1,set_2,set_3,set_4,set_5,total_reps,rpe,is_ai_generated,is_modified,ai_comment,ai_intent,created_at,updated_at';

/**
 * ISO 8601 in UTC, as the seed writes it ("2025-01-03T10:30:00Z"). A value JavaScript cannot
 * read as a date (the database bounds session_date, yet an export must never fail on a row)
 * is written as stored.
 */
export function isoUtc(value: string | Date): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace(/\.000Z$/, 'Z');
}

export function exportJson(userId: string, rows: ExportSessionRow[], now: Date) {
  return {
    export_date: isoUtc(now),
    user_id: userId,
    sessions: rows.map((row) => ({
      id: row.id,
      session_date: isoUtc(row.session_date),
      status: row.status,
      sets: [row.set_1, row.set_2, row.set_3, row.set_4, row.set_5],
      total_reps: row.total_reps,
      rpe: row.rpe,
      is_ai_generated: row.is_ai_generated,
      is_modified: row.is_modified,
      ai_comment: row.ai_comment,
      ai_intent: row.ai_intent,
      created_at: isoUtc(row.created_at),
      updated_at: isoUtc(row.updated_at),
    })),
  };
}

export const CSV_HEADER =
  'session_date,status,set_1,set_2,set_3,set_4,set_5,total_reps,rpe,ai_generated,modified,ai_comment,ai_intent,created_at';

// A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text for a CSV cell: formula-neutralised with a leading quote, then RFC 4180-quoted. */
export function csvText(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csvNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

export function exportCsv(rows: ExportSessionRow[]): string {
  const lines = rows.map((row) =>
    [
      isoUtc(row.session_date),
      row.status,
      csvNumber(row.set_1),
      csvNumber(row.set_2),
      csvNumber(row.set_3),
      csvNumber(row.set_4),
      csvNumber(row.set_5),
      csvNumber(row.total_reps),
      csvNumber(row.rpe),
      String(row.is_ai_generated),
      String(row.is_modified),
      csvText(row.ai_comment),
      row.ai_intent ?? '',
      isoUtc(row.created_at),
    ].join(','),
  );
  return [CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}

/** `pullup-sessions-2026-11-25.csv`: the export's date in the file name. */
export function exportFileName(format: 'json' | 'csv', now: Date): string {
  return `pullup-sessions-${now.toISOString().slice(0, 10)}.${format}`;
}
