// Helpers for database tests: each test runs in a transaction that is rolled back, acting
// as a real API role with real JWT claims, the way PostgREST runs a request.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type Actor =
  | { role: 'anon' }
  | { role: 'authenticated'; id: string }
  | { role: 'service_role' }
  | { role: 'postgres' };

export const anon: Actor = { role: 'anon' };
export const serviceRole: Actor = { role: 'service_role' };
export const superuser: Actor = { role: 'postgres' };
export const athlete = (id: string): Actor => ({ role: 'authenticated', id });

export interface DbError {
  code: string;
  message: string;
  hint?: string;
  constraint?: string;
}

export type Attempt<T> = { ok: true; rows: T[]; rowCount: number } | { ok: false; error: DbError };

export class Tx {
  constructor(readonly client: pg.Client) {}

  async query<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    return (await this.client.query<T>(sql, params)).rows;
  }

  /** Switches role and JWT claims for the rest of the transaction. */
  async actAs(actor: Actor): Promise<void> {
    if (actor.role === 'postgres') {
      await this.client.query(`reset role; select set_config('request.jwt.claims', '', true)`);
      return;
    }
    const claims =
      actor.role === 'authenticated'
        ? { sub: actor.id, role: actor.role, aud: 'authenticated' }
        : { role: actor.role };
    await this.client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(claims),
    ]);
    // The role comes from the fixed union above, never from input.
    await this.client.query(`set local role ${actor.role}`);
  }

  /** Runs a statement in a savepoint so a failure leaves the transaction usable. */
  async attempt<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
  ): Promise<Attempt<T>> {
    await this.client.query('savepoint attempt');
    try {
      const result = await this.client.query<T>(sql, params);
      await this.client.query('release savepoint attempt');
      return { ok: true, rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error) {
      await this.client.query('rollback to savepoint attempt');
      const e = error as pg.DatabaseError;
      return {
        ok: false,
        error: { code: e.code ?? '', message: e.message, hint: e.hint, constraint: e.constraint },
      };
    }
  }

  /** Inserts an auth user as Supabase Auth would (needs the postgres role). */
  async createUser(options: { email?: string; appMetadata?: object } = {}): Promise<string> {
    const id = randomUUID();
    await this.client.query(
      `insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ($1, 'authenticated', 'authenticated', $2, $3, '{}', now(), now())`,
      [id, options.email ?? `${id}@example.test`, options.appMetadata ?? { provider: 'email' }],
    );
    return id;
  }
}

export async function connect(url = inject('dbUrl')): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Runs `body` in a transaction that is always rolled back. */
export async function inRollback(
  body: (tx: Tx) => Promise<void>,
  url = inject('dbUrl'),
): Promise<void> {
  const client = await connect(url);
  try {
    await client.query('begin');
    await body(new Tx(client));
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

export interface SessionFields {
  user_id: string;
  status?: 'planned' | 'in_progress' | 'completed' | 'failed';
  session_date?: string;
  sets?: (number | null)[];
  rpe?: number | null;
  is_ai_generated?: boolean;
  ai_comment?: string | null;
}

/** An INSERT for `sessions` with the given fields; dates are SQL expressions relative to now(). */
export function insertSessionSql(fields: SessionFields): { sql: string; params: unknown[] } {
  const sets = fields.sets ?? [5, 5, 5, 5, 5];
  const params: unknown[] = [
    fields.user_id,
    fields.status ?? 'planned',
    fields.session_date ?? '0 hours',
    ...Array.from({ length: 5 }, (_, i) => sets[i] ?? null),
    fields.rpe ?? null,
    fields.is_ai_generated ?? false,
    fields.ai_comment ?? null,
  ];
  return {
    sql: `insert into public.sessions
            (user_id, status, session_date, set_1, set_2, set_3, set_4, set_5, rpe, is_ai_generated, ai_comment)
          values ($1, $2, now() + $3::interval, $4, $5, $6, $7, $8, $9, $10, $11)
          returning *`,
    params,
  };
}

export async function insertSession(tx: Tx, fields: SessionFields) {
  const { sql, params } = insertSessionSql(fields);
  const result = await tx.attempt<SessionRow>(sql, params);
  return result;
}

export interface SessionRow {
  id: string;
  user_id: string;
  status: string;
  session_date: Date;
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
  created_at: Date;
  updated_at: Date;
}

export function rowsOf<T>(attempt: Attempt<T>): T[] {
  if (!attempt.ok)
    throw new Error(`expected success, got ${attempt.error.code}: ${attempt.error.message}`);
  return attempt.rows;
}
