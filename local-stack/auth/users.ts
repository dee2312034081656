// auth.users rows and their JSON, shaped like Supabase Auth's `User` (models/user.go).
import type pg from 'pg';

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
export type JsonMap = Record<string, unknown>;

export interface UserRow {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  confirmation_sent_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: JsonMap | null;
  raw_user_meta_data: JsonMap | null;
  created_at: Date | null;
  updated_at: Date | null;
  phone: string | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  banned_until: Date | null;
  deleted_at: Date | null;
  is_anonymous: boolean;
}

export const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
  confirmation_sent_at, recovery_token, recovery_sent_at, email_change, email_change_sent_at,
  last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, phone,
  phone_confirmed_at, confirmed_at, banned_until, deleted_at, is_anonymous`;

export const DEFAULT_AUD = 'authenticated';
export const INSTANCE_ID = '00000000-0000-0000-0000-000000000000';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_RE.test(value);

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [
    id,
  ]);
  return rows[0];
}

/** Case-insensitive, like GoTrue's FindUserByEmailAndAudience (SSO users excluded). */
export async function findUserByEmail(
  db: Queryable,
  email: string,
  aud = DEFAULT_AUD,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users
      where lower(email) = lower($1) and aud = $2 and is_sso_user = false
      order by created_at limit 1`,
    [email, aud],
  );
  return rows[0];
}

export const isBanned = (user: UserRow): boolean =>
  user.banned_until !== null && user.banned_until.getTime() > Date.now();

/** GoTrue's metadata update: keys set to null are removed, others overwrite. */
export function mergeMetadata(current: JsonMap | null, updates: JsonMap): JsonMap {
  const merged: JsonMap = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const iso = (value: Date | null): string | undefined => value?.toISOString();

/** The email identity GoTrue keeps in auth.identities (not in this stack's schema), rebuilt. */
function emailIdentity(user: UserRow): JsonMap[] {
  if (!user.email) return [];
  return [
    {
      identity_id: user.id,
      id: user.id,
      user_id: user.id,
      identity_data: {
        email: user.email,
        email_verified: user.email_confirmed_at !== null,
        phone_verified: false,
        sub: user.id,
      },
      provider: 'email',
      last_sign_in_at: iso(user.last_sign_in_at ?? user.created_at),
      created_at: iso(user.created_at),
      updated_at: iso(user.updated_at),
      email: user.email,
    },
  ];
}

/** The JSON GoTrue returns for a user (fields with `omitempty` left out when empty). */
export function userJson(user: UserRow): JsonMap {
  const json: JsonMap = {
    id: user.id,
    aud: user.aud ?? '',
    role: user.role ?? '',
    email: user.email ?? '',
    email_confirmed_at: iso(user.email_confirmed_at),
    invited_at: iso(user.invited_at),
    phone: user.phone ?? '',
    phone_confirmed_at: iso(user.phone_confirmed_at),
    confirmation_sent_at: iso(user.confirmation_sent_at),
    confirmed_at: iso(user.confirmed_at ?? user.email_confirmed_at),
    recovery_sent_at: iso(user.recovery_sent_at),
    new_email: user.email_change || undefined,
    email_change_sent_at: iso(user.email_change_sent_at),
    last_sign_in_at: iso(user.last_sign_in_at),
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: emailIdentity(user),
    created_at: iso(user.created_at),
    updated_at: iso(user.updated_at),
    banned_until: iso(user.banned_until),
    deleted_at: iso(user.deleted_at),
    is_anonymous: user.is_anonymous,
  };
  for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
  return json;
}

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  confirmed: boolean;
  role?: string;
  userMetadata: JsonMap;
  appMetadata: JsonMap;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
        email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
        is_sso_user, is_anonymous)
     values ($1, $2, $3, $4, $5, $6, case when $7::boolean then now() end, $8, $9, now(), now(),
        false, false)
     returning ${USER_COLUMNS}`,
    [
      INSTANCE_ID,
      user.id,
      DEFAULT_AUD,
      user.role ?? 'authenticated',
      user.email,
      user.passwordHash,
      user.confirmed,
      JSON.stringify(user.appMetadata),
      JSON.stringify(user.userMetadata),
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insert into auth.users returned no row');
  return row;
}

/** Column updates from a fixed list of names (never from input), then the fresh row. */
export async function updateUser(
  db: Queryable,
  id: string,
  changes: Partial<
    Record<
      | 'email'
      | 'encrypted_password'
      | 'raw_app_meta_data'
      | 'raw_user_meta_data'
      | 'role'
      | 'recovery_token'
      | 'recovery_sent_at'
      | 'last_sign_in_at'
      | 'email_confirmed_at'
      | 'banned_until'
      | 'deleted_at',
      unknown
    >
  >,
): Promise<UserRow> {
  const entries = Object.entries(changes);
  const sets = entries.map(([column], index) => `${column} = $${index + 2}`);
  const values = entries.map(([, value]) =>
    value !== null && typeof value === 'object' && !(value instanceof Date)
      ? JSON.stringify(value)
      : value,
  );
  const { rows } = await db.query<UserRow>(
    `update auth.users set ${[...sets, 'updated_at = now()'].join(', ')}
      where id = $1 returning ${USER_COLUMNS}`,
    [id, ...values],
  );
  const row = rows[0];
  if (!row) throw new Error(`auth.users row ${id} vanished`);
  return row;
}
