// The workout tests' session rows; the table itself is src/test/sessions-table.ts.
import type { SessionRow } from '@/lib/db';

let sequence = 0;

/** A session row with sensible defaults. */
export function sessionRow(overrides: Partial<SessionRow> = {}): SessionRow {
  sequence += 1;
  const sets = { set_1: 8, set_2: 7, set_3: 6, set_4: 6, set_5: 5 };
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    user_id: '11111111-1111-4111-8111-111111111111',
    status: 'planned',
    session_date: new Date().toISOString(),
    ...sets,
    total_reps: 32,
    rpe: null,
    is_ai_generated: false,
    is_modified: false,
    ai_comment: null,
    ai_intent: null,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    ...overrides,
  };
}
