// Who is asking: PostgREST's JWT middleware. No bearer token → anon; a bad token → PostgREST's
// 401 (PGRST301 decode errors, PGRST303 claim errors); the role claim picks the database role.
import { decodeJwt } from 'jose';
import { verifyJwt } from '../jwt.ts';
import { jwtError, RestError } from './rest-error.ts';

/** The only roles a request may switch into. */
export const apiRoles = new Set(['anon', 'authenticated', 'service_role']);

export interface RequestRole {
  role: string;
  claims: Record<string, unknown>;
}

/** Wai's extractBearerAuth: "Bearer <token>" (scheme case-insensitive); anything else is no token. */
function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^(\S*)\s*([\s\S]*)$/.exec(header);
  if (!match || (match[1] as string).toLowerCase() !== 'bearer') return null;
  return (match[2] as string).trim();
}

function joseCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function claimError(error: unknown): RestError {
  const code = joseCode(error);
  const message = error instanceof Error ? error.message : '';
  const claim = (error as { claim?: unknown }).claim;
  if (code === 'ERR_JWT_EXPIRED') return jwtError('PGRST303', 'JWT expired');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    if (claim === 'nbf') return jwtError('PGRST303', 'JWT not yet valid');
    if (claim === 'iat') return jwtError('PGRST303', 'JWT issued at future');
    return jwtError('PGRST303', 'Parsing claims failed');
  }
  if (code === 'ERR_JWT_INVALID') {
    for (const name of ['exp', 'nbf', 'iat']) {
      if (message.includes(`"${name}"`))
        return jwtError('PGRST303', `The JWT '${name}' claim must be a number`);
    }
    return jwtError('PGRST303', 'Parsing claims failed');
  }
  if (code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED') {
    return jwtError('PGRST301', 'Wrong or unsupported encoding algorithm');
  }
  return jwtError('PGRST301', 'JWT cryptographic operation failed');
}

export async function resolveRequestRole(
  authorization: string | undefined,
  secret: string,
  knownRoles: ReadonlySet<string>,
): Promise<RequestRole> {
  const token = bearerToken(authorization);
  if (token === null) return { role: 'anon', claims: { role: 'anon' } };
  if (token === '') throw jwtError('PGRST301', 'Empty JWT is sent in Authorization header');
  const parts = token.split('.').length;
  if (parts !== 3) throw jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`);

  let claims: Record<string, unknown>;
  try {
    claims = { ...(await verifyJwt(token, secret)) };
  } catch (error) {
    // jwt.ts refuses a token without a role claim after checking it; PostgREST uses anon then.
    if (error instanceof Error && !joseCode(error) && /no role claim/.test(error.message)) {
      claims = { ...decodeJwt(token), role: 'anon' };
    } else {
      throw claimError(error);
    }
  }
  const role = String(claims.role);
  if (!apiRoles.has(role)) {
    // What PostgreSQL answers to `set role` for such a role, without ever asking it to.
    if (knownRoles.has(role)) {
      throw new RestError(403, {
        code: '42501',
        message: `permission denied to set role "${role}"`,
      });
    }
    throw new RestError(
      401,
      { code: '22023', message: `role "${role}" does not exist` },
      { 'WWW-Authenticate': 'Bearer' },
    );
  }
  return { role, claims };
}
