// /auth/v1: the subset of Supabase Auth (GoTrue) this project uses, answering with GoTrue's
// bodies, statuses and error codes (internal/api/*.go) so supabase-js behaves as in production.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { isConnectionError } from '../database.ts';
import { verifyJwt, type SupabaseClaims } from '../jwt.ts';
import {
  API_VERSION_HEADER,
  AuthError,
  badRequest,
  forbidden,
  notFound,
  requestedApiVersion,
  sendAuthError,
  unprocessable,
} from './errors.ts';
import { BodyTooLargeError, bearerToken, readBody, sendJson } from './http.ts';
import { createPasswordHasher, MAX_PASSWORD_BYTES, passwordBytes } from './passwords.ts';
import {
  createAuthRateLimiter,
  DEFAULT_AUTH_RATE_LIMITS,
  goDurationMs,
  type AuthRateLimits,
  type LimitedEndpoint,
} from './rate-limits.ts';
import { issueSession, refreshSession, type AuthMethod, type TokenSettings } from './sessions.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  isBanned,
  isUuid,
  mergeMetadata,
  updateUser,
  USER_COLUMNS,
  userJson,
  type JsonMap,
  type UserRow,
} from './users.ts';

export interface AuthMail {
  type: 'recovery';
  to: string;
  /** The link of the email: GET /auth/v1/verify, then a redirect carrying the session. */
  link: string;
  /** The 6-digit code the same email carries (verifyOtp({ email, token, type: 'recovery' })). */
  otp: string;
}

export interface AuthHandlerOptions {
  /** A pool with rights on the auth schema (the stack uses the postgres superuser). */
  pool: pg.Pool;
  jwtSecret: string;
  /** The stack's public origin, e.g. http://127.0.0.1:54321. */
  apiUrl: string;
  /** Where email links land by default (GoTrue's SITE_URL). */
  siteUrl: string;
  /** Access-token lifetime in seconds; default 3600. */
  jwtExpiry?: number;
  /** Emails are not sent: they are handed here (the CLI prints them). */
  onMail?: (mail: AuthMail) => void;
  maxBodyBytes?: number;
  /** Supabase Auth's rate limits (default GoTrue's); `false` turns them off. */
  rateLimits?: AuthRateLimits | false;
}

export interface AuthHandler {
  handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void>;
  /** Stops the password hashing threads. */
  close(): Promise<void>;
}

const MIN_PASSWORD_LENGTH = 6;
const OTP_EXPIRY_SECONDS = 3600;
const ADMIN_ROLES = ['service_role', 'supabase_admin'];
/** badoux/checkmail's format, which GoTrue's validateEmail applies (ASCII only, no spaces). */
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

interface Caller {
  user: UserRow;
  sessionId: string | undefined;
  claims: SupabaseClaims;
}

type Params = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): JsonMap | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonMap)
    : undefined;

function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required');
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long');
  if (!EMAIL_RE.test(email)) {
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
  }
  return email.toLowerCase();
}

/** GoTrue's checkPasswordStrength: Go's len() counts bytes, so both bounds are in UTF-8 bytes. */
function checkPasswordStrength(password: string): void {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) {
    throw badRequest(
      'validation_failed',
      `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`,
    );
  }
  if (passwordBytes(password) < MIN_PASSWORD_LENGTH) {
    throw new AuthError(
      422,
      'weak_password',
      `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`,
      ['length'],
    );
  }
}

/** GoTrue's crypto.GenerateTokenHash: sha224 of email + OTP, hex. */
const tokenHash = (email: string, otp: string): string =>
  createHash('sha224')
    .update(email + otp)
    .digest('hex');

/** Go duration strings as GoTrue's ban_duration takes them ("24h", "1h30m", "90s"). */
function parseBanDuration(value: string): number {
  const ms = goDurationMs(value);
  if (ms === undefined) {
    throw badRequest(
      'validation_failed',
      `invalid format for ban duration: time: invalid duration "${value}"`,
    );
  }
  return ms;
}

/** The first field (dotted path) whose key or string value holds a NUL character. */
function fieldWithNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\0')) return childPath;
    const found = fieldWithNul(child, childPath);
    if (found) return found;
  }
  return undefined;
}

/** The peer's IP address, IPv4-mapped IPv6 unwrapped (GoTrue keys its limits by IP). */
function clientAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function createAuthHandler(options: AuthHandlerOptions): AuthHandler {
  const { pool } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const settings: TokenSettings = {
    jwtSecret: options.jwtSecret,
    jwtExpiry: options.jwtExpiry ?? 3600,
    issuer: `${options.apiUrl}/auth/v1`,
  };
  const hasher = createPasswordHasher();
  const limiter = createAuthRateLimiter(options.rateLimits ?? DEFAULT_AUTH_RATE_LIMITS);
  const limit = (req: IncomingMessage, endpoint: LimitedEndpoint) =>
    limiter.check(endpoint, clientAddress(req));
  const onMail =
    options.onMail ??
    ((mail: AuthMail) =>
      console.log(`[auth] password recovery email to ${mail.to}: ${mail.link} (code ${mail.otp})`));

  async function jsonBody(req: IncomingMessage): Promise<Params> {
    const raw = (await readBody(req, maxBodyBytes)).toString('utf8');
    if (raw.trim() === '') return {};
    let params: Params | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      params = obj(parsed);
      if (!params) throw new Error('json: cannot unmarshal into a JSON object');
    } catch (error) {
      throw badRequest(
        'bad_json',
        `Could not parse request body as JSON: ${(error as Error).message}`,
      );
    }
    // PostgreSQL text and jsonb cannot hold U+0000, so such a value can never be stored or
    // matched. A password is only hashed (bcrypt takes any bytes), so it may hold one.
    const field = fieldWithNul({ ...params, password: undefined }, '');
    if (field) {
      throw badRequest('validation_failed', `${field} must not contain a NUL character (\\u0000)`);
    }
    return params;
  }

  async function verifiedClaims(req: IncomingMessage): Promise<SupabaseClaims> {
    const token = bearerToken(req);
    if (!token) {
      throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    }
    try {
      return await verifyJwt(token, options.jwtSecret);
    } catch (error) {
      const reason =
        (error as { code?: string }).code === 'ERR_JWT_EXPIRED'
          ? 'token has invalid claims: token is expired'
          : `token signature is invalid: ${(error as Error).message}`;
      throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
    }
  }

  /** requireAuthentication + maybeLoadUserOrSession: the user and the session must still exist. */
  async function requireUser(req: IncomingMessage): Promise<Caller> {
    const claims = await verifiedClaims(req);
    if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
    if (!isUuid(claims.sub)) {
      throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
    }
    const user = await findUserById(pool, claims.sub);
    if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : undefined;
    if (sessionId && sessionId !== '00000000-0000-0000-0000-000000000000') {
      if (!isUuid(sessionId)) {
        throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
      }
      const { rowCount } = await pool.query('select 1 from auth.sessions where id = $1', [
        sessionId,
      ]);
      if (!rowCount) {
        throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
      }
    }
    if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
    return { user, sessionId, claims };
  }

  async function requireAdmin(req: IncomingMessage): Promise<void> {
    const claims = await verifiedClaims(req);
    if (!ADMIN_ROLES.includes(claims.role)) throw forbidden('not_admin', 'User not allowed');
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
    const version = requestedApiVersion(req);
    sendJson(res, status, body, version ? { [API_VERSION_HEADER]: version } : {});
  }

  const hashPassword = (password: string): Promise<string> => hasher.hash(password);

  /** Unique-violation on the email index, raced past the duplicate check. */
  const isUniqueViolation = (error: unknown): boolean =>
    (error as { code?: string }).code === '23505';

  // POST /signup --------------------------------------------------------------------------
  async function signup(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = await jsonBody(req);
    if (!str(params.email) && !str(params.phone)) {
      // GoTrue takes a sign-up with neither as an anonymous sign-in, off in config.toml.
      throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    }
    limit(req, 'signup');
    const password = str(params.password);
    if (password === '') throw badRequest('validation_failed', 'Signup requires a valid password');
    checkPasswordStrength(password);
    if (str(params.email) && str(params.phone)) {
      throw badRequest(
        'validation_failed',
        'Only an email address or phone number should be provided on signup.',
      );
    }
    if (str(params.phone))
      throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
    if (!str(params.email)) {
      throw badRequest('validation_failed', 'Sign up only available with email provider');
    }
    const email = validateEmail(str(params.email));
    if (await findUserByEmail(pool, email)) {
      throw unprocessable('user_already_exists', 'User already registered');
    }
    const id = randomUUID();
    let user: UserRow;
    try {
      user = await insertUser(pool, {
        id,
        email,
        passwordHash: await hashPassword(password),
        confirmed: true, // mailer autoconfirm, as `enable_confirmations = false` locally
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: {
          ...(obj(params.data) ?? {}),
          email,
          email_verified: true,
          phone_verified: false,
          sub: id,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw unprocessable('user_already_exists', 'User already registered');
      }
      throw error;
    }
    send(req, res, 200, await issueSession(pool, settings, user, 'password'));
  }

  // POST /token ---------------------------------------------------------------------------
  async function passwordGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = await jsonBody(req);
    const email = str(params.email);
    const phone = str(params.phone);
    if (email && phone) {
      throw badRequest(
        'validation_failed',
        'Only an email address or phone number should be provided on login.',
      );
    }
    if (phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
    if (!email) throw badRequest('validation_failed', 'missing email or phone');
    const user = await findUserByEmail(pool, email);
    if (!user || !user.encrypted_password) {
      throw badRequest('invalid_credentials', 'Invalid login credentials');
    }
    if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
    const password = str(params.password);
    // No stored password is longer than 72 bytes, and bcrypt would compare only the first 72:
    // a longer one is wrong, never a match on its prefix.
    const valid =
      passwordBytes(password) <= MAX_PASSWORD_BYTES &&
      (await hasher.compare(password, user.encrypted_password));
    if (!valid) throw badRequest('invalid_credentials', 'Invalid login credentials');
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
    send(req, res, 200, await issueSession(pool, settings, user, 'password'));
  }

  async function refreshGrant(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const params = await jsonBody(req);
    const token = str(params.refresh_token);
    if (!token) {
      // An OAuth-style error body, exactly as GoTrue answers it.
      sendJson(res, 400, { error: 'invalid_request', error_description: 'refresh_token required' });
      return;
    }
    send(req, res, 200, await refreshSession(pool, settings, token));
  }

  // GET /user, PUT /user -----------------------------------------------------------------
  async function getUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { user } = await requireUser(req);
    send(req, res, 200, userJson(user));
  }

  async function putUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await requireUser(req);
    limit(req, 'user');
    const params = await jsonBody(req);
    let user = caller.user;
    const email = str(params.email) ? validateEmail(str(params.email)) : '';
    const password = typeof params.password === 'string' ? params.password : undefined;
    if (password !== undefined) checkPasswordStrength(password);
    if (params.app_metadata !== undefined && params.app_metadata !== null) {
      throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
    }
    if (email && email !== user.email) {
      const other = await findUserByEmail(pool, email);
      if (other && other.id !== user.id) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
    }
    if (password && user.encrypted_password) {
      if (await hasher.compare(password, user.encrypted_password)) {
        throw unprocessable(
          'same_password',
          'New password should be different from the old password.',
        );
      }
    }
    const client = await pool.connect();
    try {
      await client.query('begin');
      if (password !== undefined) {
        user = await updateUser(client, user.id, {
          encrypted_password: await hashPassword(password),
          recovery_token: '',
          recovery_sent_at: null,
        });
        // A password change signs the user out everywhere else (models.UpdatePassword).
        await client.query('delete from auth.sessions where user_id = $1 and id <> $2', [
          user.id,
          caller.sessionId ?? '00000000-0000-0000-0000-000000000000',
        ]);
      }
      const data = obj(params.data);
      if (data) {
        user = await updateUser(client, user.id, {
          raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, data),
        });
      }
      if (email && email !== user.email) {
        // Locally there is no mailbox to confirm the change from, so it applies at once.
        user = await updateUser(client, user.id, {
          email,
          raw_user_meta_data: mergeMetadata(user.raw_user_meta_data, { email }),
        });
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      if (isUniqueViolation(error)) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      throw error;
    } finally {
      client.release();
    }
    send(req, res, 200, userJson(user));
  }

  // POST /logout --------------------------------------------------------------------------
  async function logout(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const scope = url.searchParams.get('scope') ?? '';
    if (!['', 'global', 'local', 'others'].includes(scope)) {
      throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`);
    }
    const { user, sessionId } = await requireUser(req);
    // Deleting a session cascades to its refresh tokens, so none of them refresh again.
    if (sessionId && scope === 'local') {
      await pool.query('delete from auth.sessions where id = $1', [sessionId]);
    } else if (sessionId && scope === 'others') {
      await pool.query('delete from auth.sessions where user_id = $1 and id <> $2', [
        user.id,
        sessionId,
      ]);
    } else {
      await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
    }
    res.writeHead(204);
    res.end();
  }

  // POST /recover, GET|POST /verify ------------------------------------------------------
  function redirectTarget(requested: string | null): string {
    if (requested) {
      try {
        const target = new URL(requested);
        const local = ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
        if (local || target.origin === new URL(options.siteUrl).origin) return requested;
      } catch {
        // not a URL: fall back to the site URL, as GoTrue does for disallowed redirects
      }
    }
    return options.siteUrl;
  }

  async function recover(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    limit(req, 'recover');
    const params = await jsonBody(req);
    if (!str(params.email)) {
      throw badRequest('validation_failed', 'Password recovery requires an email');
    }
    const email = validateEmail(str(params.email));
    const user = await findUserByEmail(pool, email);
    // Unknown addresses get the same empty 200, so the endpoint reveals nothing.
    if (user?.email) {
      limiter.checkEmailFrequency(user.recovery_sent_at);
      const otp = randomInt(0, 1_000_000).toString().padStart(6, '0');
      const hash = tokenHash(user.email, otp);
      await updateUser(pool, user.id, { recovery_token: hash, recovery_sent_at: new Date() });
      const redirect = redirectTarget(url.searchParams.get('redirect_to'));
      const link = `${options.apiUrl}/auth/v1/verify?${new URLSearchParams({
        token: hash,
        type: 'recovery',
        redirect_to: redirect,
      }).toString()}`;
      onMail({ type: 'recovery', to: user.email, link, otp });
    }
    send(req, res, 200, {});
  }

  /** The user a recovery token hash belongs to, or GoTrue's otp_expired error. */
  async function consumeRecovery(hash: string, viaLink: boolean): Promise<UserRow> {
    const expired = forbidden(
      'otp_expired',
      viaLink ? 'Email link is invalid or has expired' : 'Token has expired or is invalid',
    );
    // A hash with a NUL (a GET link's query) can match no stored token: PostgreSQL refuses it.
    if (!hash || hash.includes('\0')) throw expired;
    const { rows } = await pool.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users where recovery_token = $1`,
      [hash],
    );
    const user = rows[0];
    if (!user) throw expired;
    if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
    const sentAt = user.recovery_sent_at?.getTime() ?? 0;
    if (sentAt + OTP_EXPIRY_SECONDS * 1000 < Date.now()) throw expired;
    return updateUser(pool, user.id, {
      recovery_token: '',
      email_confirmed_at: user.email_confirmed_at ?? new Date(),
    });
  }

  async function verifyPost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    limit(req, 'verify');
    const params = await jsonBody(req);
    const type = str(params.type);
    if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
    const token = str(params.token);
    let hash = str(params.token_hash);
    if ((!token && !hash) || (token && hash)) {
      throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
    }
    if (token) {
      if (!str(params.email)) {
        throw badRequest(
          'validation_failed',
          'Only an email address or phone number should be provided on verify',
        );
      }
      let email: string;
      try {
        email = validateEmail(str(params.email));
      } catch {
        throw unprocessable('validation_failed', 'Invalid email format');
      }
      limiter.check('verify-email', email);
      hash = tokenHash(email, token);
    }
    if (type !== 'recovery') throw badRequest('validation_failed', 'Unsupported verification type');
    const user = await consumeRecovery(hash, !token);
    send(req, res, 200, await issueSession(pool, settings, user, 'otp' satisfies AuthMethod));
  }

  /** The email link: a redirect to the app with the session (or the error) in the fragment. */
  async function verifyGet(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // GoTrue's limiter runs before the handler, so this 429 is JSON, not a redirect.
    limit(req, 'verify');
    const redirect = redirectTarget(url.searchParams.get('redirect_to'));
    let fragment: URLSearchParams;
    try {
      if (!url.searchParams.get('type')) {
        throw badRequest('validation_failed', 'Verify requires a verification type');
      }
      if (url.searchParams.get('type') !== 'recovery') {
        throw badRequest('validation_failed', 'Unsupported verification type');
      }
      const user = await consumeRecovery(url.searchParams.get('token') ?? '', true);
      const session = await issueSession(pool, settings, user, 'otp');
      fragment = new URLSearchParams({
        access_token: session.access_token,
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: session.refresh_token,
        token_type: 'bearer',
        type: 'recovery',
      });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      fragment = new URLSearchParams({
        error: error.status === 403 ? 'access_denied' : 'invalid_request',
        error_code: error.errorCode,
        error_description: error.message,
      });
    }
    res.writeHead(303, { Location: `${redirect}#${fragment.toString()}` });
    res.end();
  }

  // /admin/users ---------------------------------------------------------------------------
  async function adminCreateUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await requireAdmin(req);
    const params = await jsonBody(req);
    if (!str(params.email) && !str(params.phone)) {
      throw badRequest(
        'validation_failed',
        'Cannot create a user without either an email or phone',
      );
    }
    if (str(params.phone))
      throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
    const email = validateEmail(str(params.email));
    if (await findUserByEmail(pool, email)) {
      throw unprocessable(
        'email_exists',
        'A user with this email address has already been registered',
      );
    }
    if (typeof params.password === 'string' && str(params.password_hash)) {
      throw badRequest(
        'validation_failed',
        'Only a password or a password hash should be provided',
      );
    }
    let passwordHash = str(params.password_hash);
    if (!passwordHash) {
      const password = str(params.password) || randomUUID() + randomUUID();
      // Admin create skips the strength check; Go's bcrypt refuses over 72 bytes itself.
      if (passwordBytes(password) > MAX_PASSWORD_BYTES) {
        throw badRequest('validation_failed', 'bcrypt: password length exceeds 72 bytes');
      }
      passwordHash = await hashPassword(password);
    }
    let id: string = randomUUID();
    if (str(params.id)) {
      if (!isUuid(str(params.id))) {
        throw badRequest('validation_failed', 'ID must conform to the uuid v4 format');
      }
      if (/^[0-]+$/.test(str(params.id))) {
        throw badRequest('validation_failed', 'ID cannot be a nil uuid');
      }
      id = str(params.id);
    }
    const confirmed = params.email_confirm === true;
    try {
      const user = await insertUser(pool, {
        id,
        email,
        passwordHash,
        confirmed,
        role: str(params.role) || 'authenticated',
        appMetadata: mergeMetadata(
          { provider: 'email', providers: ['email'] },
          obj(params.app_metadata) ?? {},
        ),
        // GoTrue stores the given user_metadata as is; confirming adds email_verified.
        userMetadata: confirmed
          ? mergeMetadata(obj(params.user_metadata) ?? {}, { email_verified: true })
          : (obj(params.user_metadata) ?? {}),
      });
      send(req, res, 200, userJson(user));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      throw error;
    }
  }

  async function loadUser(id: string): Promise<UserRow> {
    if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID');
    const user = await findUserById(pool, id);
    if (!user) throw notFound('user_not_found', 'User not found');
    return user;
  }

  async function adminListUsers(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    await requireAdmin(req);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
    const perPage = Math.min(
      1000,
      Math.max(1, Number(url.searchParams.get('per_page') ?? '50') || 50),
    );
    const { rows } = await pool.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users order by created_at desc, id
        limit $1 offset $2`,
      [perPage, (page - 1) * perPage],
    );
    const { rows: count } = await pool.query<{ total: string }>(
      'select count(*)::text as total from auth.users',
    );
    res.setHeader('X-Total-Count', count[0]?.total ?? '0');
    send(req, res, 200, { users: rows.map(userJson), aud: 'authenticated' });
  }

  async function adminGetUser(req: IncomingMessage, res: ServerResponse, id: string) {
    await requireAdmin(req);
    send(req, res, 200, userJson(await loadUser(id)));
  }

  async function adminUpdateUser(req: IncomingMessage, res: ServerResponse, id: string) {
    await requireAdmin(req);
    let user = await loadUser(id);
    const params = await jsonBody(req);
    const email = str(params.email) ? validateEmail(str(params.email)) : '';
    const changes: Parameters<typeof updateUser>[2] = {};
    if (typeof params.password === 'string') {
      checkPasswordStrength(params.password);
      changes.encrypted_password = await hashPassword(params.password);
    }
    if (str(params.ban_duration)) {
      const duration = str(params.ban_duration);
      changes.banned_until =
        duration === 'none' ? null : new Date(Date.now() + parseBanDuration(duration));
    }
    if (str(params.role)) changes.role = str(params.role);
    if (params.email_confirm === true && !user.email_confirmed_at) {
      changes.email_confirmed_at = new Date();
    }
    const confirming = params.email_confirm === true ? { email_verified: true } : {};
    if (email && email !== user.email) {
      const other = await findUserByEmail(pool, email);
      if (other && other.id !== user.id) {
        throw unprocessable(
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      changes.email = email;
    }
    const appMetadata = obj(params.app_metadata);
    if (appMetadata) changes.raw_app_meta_data = mergeMetadata(user.raw_app_meta_data, appMetadata);
    const userMetadata = { ...confirming, ...(obj(params.user_metadata) ?? {}) };
    if (Object.keys(userMetadata).length > 0) {
      changes.raw_user_meta_data = mergeMetadata(user.raw_user_meta_data, userMetadata);
    }
    if (Object.keys(changes).length > 0) user = await updateUser(pool, user.id, changes);
    send(req, res, 200, userJson(user));
  }

  async function adminDeleteUser(req: IncomingMessage, res: ServerResponse, id: string) {
    await requireAdmin(req);
    const user = await loadUser(id);
    const params = await jsonBody(req);
    if (params.should_soft_delete === true) {
      // Soft delete: the row stays (marked, credentials cleared) and every session ends.
      await updateUser(pool, user.id, {
        deleted_at: new Date(),
        email: null,
        encrypted_password: '',
      });
      await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
    } else {
      // Cascades to sessions, refresh tokens and every public row owned by the user.
      await pool.query('delete from auth.users where id = $1', [user.id]);
    }
    send(req, res, 200, {});
  }

  // GET /settings, GET /health -------------------------------------------------------------
  const settingsBody = {
    external: {
      anonymous_users: false,
      apple: false,
      azure: false,
      bitbucket: false,
      discord: false,
      facebook: false,
      snapchat: false,
      figma: false,
      fly: false,
      github: false,
      gitlab: false,
      google: false,
      keycloak: false,
      kakao: false,
      linkedin: false,
      linkedin_oidc: false,
      notion: false,
      spotify: false,
      slack: false,
      slack_oidc: false,
      workos: false,
      twitch: false,
      twitter: false,
      email: true,
      phone: false,
      zoom: false,
    },
    disable_signup: false,
    mailer_autoconfirm: true,
    phone_autoconfirm: false,
    sms_provider: 'twilio',
    saml_enabled: false,
    saml_private_key_next_configured: false,
    passkeys_enabled: false,
  };

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const admin = /^\/admin\/users\/([^/]+)\/?$/.exec(path);
    const routes: Record<string, Partial<Record<string, () => Promise<void>>>> = {
      '/signup': { POST: () => signup(req, res) },
      '/token': {
        POST: async () => {
          const grant = url.searchParams.get('grant_type');
          if (grant !== 'password' && grant !== 'refresh_token') {
            throw badRequest('invalid_credentials', 'unsupported_grant_type');
          }
          limit(req, 'token');
          return grant === 'password' ? passwordGrant(req, res) : refreshGrant(req, res);
        },
      },
      '/user': { GET: () => getUser(req, res), PUT: () => putUser(req, res) },
      '/logout': { POST: () => logout(req, res, url) },
      '/recover': { POST: () => recover(req, res, url) },
      '/verify': { GET: () => verifyGet(req, res, url), POST: () => verifyPost(req, res) },
      '/settings': { GET: async () => send(req, res, 200, settingsBody) },
      '/admin/users': {
        GET: () => adminListUsers(req, res, url),
        POST: () => adminCreateUser(req, res),
      },
    };
    const key = path.replace(/\/+$/, '') || '/';
    const handlers = admin
      ? {
          GET: () => adminGetUser(req, res, decodeURIComponent(admin[1] ?? '')),
          PUT: () => adminUpdateUser(req, res, decodeURIComponent(admin[1] ?? '')),
          DELETE: () => adminDeleteUser(req, res, decodeURIComponent(admin[1] ?? '')),
        }
      : routes[key];
    if (!handlers) throw notFound('not_found', 'Not Found');
    const handler = handlers[method as keyof typeof handlers];
    if (!handler) throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
    await handler();
  }

  return {
    close: () => hasher.close(),
    async handle(req, res, path, url) {
      try {
        await route(req, res, path, url);
      } catch (error) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        if (error instanceof AuthError) {
          sendAuthError(req, res, error);
        } else if (error instanceof BodyTooLargeError) {
          sendAuthError(
            req,
            res,
            new AuthError(413, 'request_too_large', 'Request body too large'),
          );
        } else if (isConnectionError(error)) {
          // The database is down or restarting: an outage, never a reason to sign out.
          sendAuthError(req, res, new AuthError(503, 'unexpected_failure', 'Database unavailable'));
        } else {
          console.error('[auth] unexpected error', error);
          sendAuthError(
            req,
            res,
            new AuthError(500, 'unexpected_failure', 'Internal Server Error'),
          );
        }
      }
    },
  };
}
