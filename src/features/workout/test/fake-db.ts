// A tiny in-memory stand-in for the PostgREST client: just the calls the workout makes,
// with a switch that makes every request fail the way a lost connection does.
import type { SessionRow } from '@/lib/db';

type Result = { data: unknown; error: Record<string, unknown> | null };

const NETWORK_ERROR = { message: 'TypeError: Failed to fetch', details: '', hint: '', code: '' };

export const fakeDb = {
  rows: [] as SessionRow[],
  offline: false,
  /** Set: every request waits for it (a slow connection, to look at the screen meanwhile). */
  hold: null as Promise<void> | null,
  requests: [] as Array<{ method: 'GET' | 'PATCH'; patch?: Record<string, unknown> }>,
  reset() {
    this.rows = [];
    this.offline = false;
    this.hold = null;
    this.requests = [];
  },
  from(table: string) {
    if (table !== 'sessions') throw new Error(`fake db: no table ${table}`);
    return new FakeQuery(this);
  },
};

class FakeQuery implements PromiseLike<Result> {
  private filters: Array<(row: SessionRow) => boolean> = [];
  private patch: Record<string, unknown> | null = null;
  private one = false;
  private max = Infinity;
  private offset = 0;
  private sortDesc: keyof SessionRow | null = null;

  constructor(private readonly store: typeof fakeDb) {}

  select() {
    return this;
  }
  update(patch: Record<string, unknown>) {
    this.patch = patch;
    return this;
  }
  eq(column: keyof SessionRow, value: unknown) {
    this.filters.push((row) => row[column] === value);
    return this;
  }
  in(column: keyof SessionRow, values: unknown[]) {
    this.filters.push((row) => values.includes(row[column]));
    return this;
  }
  gte(column: keyof SessionRow, value: string) {
    this.filters.push((row) => Date.parse(String(row[column])) >= Date.parse(value));
    return this;
  }
  order(column: keyof SessionRow, options?: { ascending?: boolean }) {
    if (options?.ascending === false) this.sortDesc = column;
    return this;
  }
  limit(count: number) {
    this.max = count;
    return this;
  }
  range(from: number, to: number) {
    this.offset = from;
    this.max = to - from + 1;
    return this;
  }
  abortSignal() {
    return this;
  }
  single() {
    this.one = true;
    return this;
  }

  private run(): Result {
    this.store.requests.push(
      this.patch ? { method: 'PATCH', patch: { ...this.patch } } : { method: 'GET' },
    );
    if (this.store.offline) return { data: null, error: NETWORK_ERROR };
    let rows = this.store.rows.filter((row) => this.filters.every((keep) => keep(row)));
    if (this.patch) {
      // Like the RLS policy: only planned/in-progress rows can be updated.
      rows = rows.filter((row) => row.status === 'planned' || row.status === 'in_progress');
      rows = rows.map((row) => {
        const next = { ...row, ...this.patch } as SessionRow;
        next.total_reps = [
          next.set_1,
          next.set_2,
          next.set_3,
          next.set_4,
          next.set_5,
        ].reduce<number>((sum, reps) => sum + (reps ?? 0), 0);
        this.store.rows = this.store.rows.map((stored) => (stored.id === row.id ? next : stored));
        return next;
      });
    }
    const sortBy = this.sortDesc;
    if (sortBy) rows = [...rows].sort((a, b) => String(b[sortBy]).localeCompare(String(a[sortBy])));
    rows = rows.slice(this.offset, this.offset + this.max);
    if (!this.one) return { data: rows, error: null };
    if (rows.length !== 1) {
      return {
        data: null,
        error: {
          code: 'PGRST116',
          message: 'JSON object requested, multiple (or no) rows returned',
          details: '',
          hint: '',
        },
      };
    }
    return { data: rows[0], error: null };
  }

  then<A = Result, B = never>(
    onFulfilled?: ((value: Result) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return Promise.resolve(this.store.hold)
      .then(() => this.run())
      .then(onFulfilled, onRejected);
  }
}

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
