// Sessions, rotating refresh tokens and access tokens, as Supabase Auth issues them
// (internal/tokens/service.go): one auth.sessions row per sign-in, a chain of refresh tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signJwt, type SupabaseClaims } from '../jwt.ts';
import { badRequest } from './errors.ts';
import {
  isBanned,
  updateUser,
  USER_COLUMNS,
  userJson,
  type Queryable,
  type UserRow,
} from './users.ts';

export type AuthMethod = 'password' | 'otp' | 'recovery';

export interface TokenSettings {
  jwtSecret: string;
  /** Access-token lifetime in seconds (GoTrue's JWT_EXP, 3600 by default). */
  jwtExpiry: number;
  /** The `iss` claim: `<api url>/auth/v1`. */
  issuer: string;
}

export interface AccessTokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

/** Opaque refresh token; GoTrue's legacy tokens are short random strings too. */
const newRefreshToken = (): string => randomBytes(16).toString('base64url');

export async function accessToken(
  settings: TokenSettings,
  user: UserRow,
  sessionId: string,
  method: AuthMethod,
  authenticatedAt: Date,
): Promise<{ token: string; expiresAt: number; expiresIn: number }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + settings.jwtExpiry;
  const claims: SupabaseClaims = {
    iss: settings.issuer,
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    exp: expiresAt,
    iat: now,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role || 'authenticated',
    aal: 'aal1',
    amr: [{ method, timestamp: Math.floor(authenticatedAt.getTime() / 1000) }],
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
  return {
    token: await signJwt(claims, settings.jwtSecret),
    expiresAt,
    expiresIn: settings.jwtExpiry,
  };
}

async function insertRefreshToken(
  db: Queryable,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<string> {
  const token = newRefreshToken();
  await db.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

/** A new session for a successful sign-in (password, OTP or recovery link). */
export async function issueSession(
  pool: pg.Pool,
  settings: TokenSettings,
  user: UserRow,
  method: AuthMethod,
): Promise<AccessTokenResponse> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const sessionId = randomUUID();
    const { rows } = await client.query<{ created_at: Date }>(
      `insert into auth.sessions (id, user_id, created_at, updated_at, aal)
       values ($1, $2, now(), now(), 'aal1') returning created_at`,
      [sessionId, user.id],
    );
    const refreshToken = await insertRefreshToken(client, user.id, sessionId, null);
    const signedIn = await updateUser(client, user.id, { last_sign_in_at: new Date() });
    await client.query('commit');
    const createdAt = rows[0]?.created_at ?? new Date();
    const access = await accessToken(settings, signedIn, sessionId, method, createdAt);
    return {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: access.expiresIn,
      expires_at: access.expiresAt,
      refresh_token: refreshToken,
      user: userJson(signedIn),
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

interface TokenRow {
  id: string;
  token: string;
  revoked: boolean;
  session_id: string | null;
  session_created_at: Date | null;
}

/**
 * grant_type=refresh_token with rotation: the presented token is revoked and a child issued.
 * Presenting an already revoked token revokes the whole session's family and fails with
 * refresh_token_already_used, as GoTrue does once its reuse interval has passed (this stack
 * has no reuse interval: a used refresh token never works again).
 */
export async function refreshSession(
  pool: pg.Pool,
  settings: TokenSettings,
  presented: string,
): Promise<AccessTokenResponse> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<TokenRow & { user_id: string }>(
      `select rt.id, rt.token, rt.revoked, rt.session_id, rt.user_id, s.created_at as session_created_at
         from auth.refresh_tokens rt
         left join auth.sessions s on s.id = rt.session_id
        where rt.token = $1
        for update of rt`,
      [presented],
    );
    const row = rows[0];
    if (!row) {
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    const { rows: users } = await client.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users where id::text = $1`,
      [row.user_id],
    );
    const user = users[0];
    if (!user) {
      throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    if (!row.session_id || !row.session_created_at) {
      await client.query('delete from auth.refresh_tokens where id = $1', [row.id]);
      await client.query('commit');
      throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    }
    if (row.revoked) {
      // Reuse of a rotated token: possible theft, so the whole family is revoked (committed).
      await client.query(
        'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1',
        [row.session_id],
      );
      await client.query('commit');
      throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    await client.query(
      'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
      [row.id],
    );
    const next = await insertRefreshToken(client, user.id, row.session_id, row.token);
    await client.query('update auth.sessions set updated_at = now() where id = $1', [
      row.session_id,
    ]);
    await client.query('commit');
    const access = await accessToken(
      settings,
      user,
      row.session_id,
      'password',
      row.session_created_at,
    );
    return {
      access_token: access.token,
      token_type: 'bearer',
      expires_in: access.expiresIn,
      expires_at: access.expiresAt,
      refresh_token: next,
      user: userJson(user),
    };
  } catch (error) {
    // After a commit this is a no-op (PostgreSQL only warns).
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
