// HS256 JWTs as Supabase Auth issues them and PostgREST verifies them.
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface SupabaseClaims extends JWTPayload {
  role: string;
  sub?: string;
  email?: string;
  session_id?: string;
  app_metadata?: Record<string, unknown>;
  user_metadata?: Record<string, unknown>;
  aal?: string;
  is_anonymous?: boolean;
}

const encoder = new TextEncoder();

export async function signJwt(claims: SupabaseClaims, secret: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(encoder.encode(secret));
}

// Every request carries the same few tokens (the anon key, a user's access token) through the
// gateway and then PostgREST: verify each signature once, then only check its expiry.
const verified = new Map<string, SupabaseClaims>();
const MAX_CACHED = 5000;

/** Verifies signature and expiry; throws on anything else. Only HS256 is accepted. */
export async function verifyJwt(token: string, secret: string): Promise<SupabaseClaims> {
  const key = `${secret}\u0000${token}`;
  const cached = verified.get(key);
  if (cached) {
    if (cached.exp === undefined || cached.exp * 1000 > Date.now()) return cached;
    verified.delete(key);
  }
  const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
  if (typeof payload.role !== 'string') throw new Error('JWT has no role claim');
  if (verified.size >= MAX_CACHED) verified.clear();
  // Frozen: the cached claims are shared by every later request with this token.
  const claims = Object.freeze(payload) as SupabaseClaims;
  verified.set(key, claims);
  return claims;
}
