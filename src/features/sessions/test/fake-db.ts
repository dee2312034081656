// The sessions feature's view of the shared fake PostgREST client: which request is which,
// and a session row to answer with.
import type { SessionRow } from '@/lib/db';
import { method, type DbRequest } from '@/test/fake-db';

export * from '@/test/fake-db';

/** Which of the feature's requests this is, read from its shape. */
export function kindOf(request: DbRequest): string {
  if (method(request, 'insert')) return 'insert';
  if (method(request, 'update')) return 'update';
  if (method(request, 'delete')) return 'delete';
  const inArgs = method(request, 'in');
  if (method(request, 'eq')?.[0] === 'id') return 'detail';
  if (method(request, 'range')) return 'list';
  if (inArgs && JSON.stringify(inArgs[1]) === '["planned","in_progress"]') return 'active';
  if (inArgs && JSON.stringify(inArgs[1]) === '["completed","failed"]') return 'recent';
  return 'unknown';
}

export const USER_ID = '00000000-0000-4000-8000-000000000001';

export function sessionRow(overrides: Partial<SessionRow> = {}): SessionRow {
  const sets = [
    overrides.set_1,
    overrides.set_2,
    overrides.set_3,
    overrides.set_4,
    overrides.set_5,
  ];
  return {
    id: '10000000-0000-4000-8000-000000000001',
    user_id: USER_ID,
    status: 'planned',
    session_date: '2025-06-15T10:00:00+00:00',
    set_1: null,
    set_2: null,
    set_3: null,
    set_4: null,
    set_5: null,
    total_reps: sets.reduce<number>((sum, reps) => sum + (reps ?? 0), 0),
    rpe: null,
    is_ai_generated: false,
    is_modified: false,
    ai_comment: null,
    ai_intent: null,
    created_at: '2025-06-10T10:00:00+00:00',
    updated_at: '2025-06-10T10:00:00+00:00',
    ...overrides,
  };
}
