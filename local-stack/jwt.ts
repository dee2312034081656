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

/** Verifies signature and expiry; throws on anything else. Only HS256 is accepted. */
export async function verifyJwt(token: string, secret: string): Promise<SupabaseClaims> {
  const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ['HS256'] });
  if (typeof payload.role !== 'string') throw new Error('JWT has no role claim');
  return payload as SupabaseClaims;
}
