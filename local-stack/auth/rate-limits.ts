// Supabase Auth's request rate limits (internal/api/apilimiter, internal/api/middleware.go),
// read from supabase/config.toml's [auth.rate_limit] as `supabase start` passes them on:
//   sign_in_sign_ups    -> GOTRUE_RATE_LIMIT_OTP:   POST /signup, POST /recover, PUT /user
//   token_refresh       -> GOTRUE_RATE_LIMIT_TOKEN_REFRESH: POST /token (password and refresh grants)
//   token_verifications -> GOTRUE_RATE_LIMIT_VERIFY: GET and POST /verify
// Each endpoint has its own token bucket per client address: GoTrue's tollbooth limiters refill
// at `n / 5 min` and hold a burst of 30, whatever n is. Over it: 429 over_request_rate_limit.
// [auth.email] max_frequency is the least gap between two recovery emails to one user (429
// over_email_send_rate_limit). email_sent is not enforced: GoTrue skips it while sign-ups are
// autoconfirmed (enable_confirmations = false) and the CLI passes it only with custom SMTP.
import { readConfigSections } from '../config-toml.ts';
import { AuthError } from './errors.ts';

export interface AuthRateLimits {
  /** Sign-ups, recovery requests and user updates per 5 minutes per IP address. */
  signInSignUps: number;
  /** Password sign-ins and token refreshes per 5 minutes per IP address. */
  tokenRefresh: number;
  /** OTP and link verifications per 5 minutes per IP address. */
  tokenVerifications: number;
  /** Least time between two recovery emails to one user, in ms. */
  emailMaxFrequencyMs: number;
}

/** GoTrue's defaults where config.toml says nothing (conf/configuration.go, the CLI's template). */
export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = {
  signInSignUps: 30,
  tokenRefresh: 150,
  tokenVerifications: 30,
  emailMaxFrequencyMs: 60_000,
};

export type LimitedEndpoint = 'signup' | 'recover' | 'user' | 'token' | 'verify' | 'verify-email';

const WINDOW_SECONDS = 5 * 60;
/** tollbooth's burst in GoTrue's limiters (SetBurst(30)), independent of the configured rate. */
const BURST = 30;
/** tollbooth forgets a client an hour after its last request. */
const IDLE_TTL_MS = 60 * 60 * 1000;

/** Milliseconds of a Go duration string ("1s", "1m30s", "250ms"); undefined if malformed. */
export function goDurationMs(value: string): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value) return undefined;
  return parts.reduce((sum, part) => sum + Number(part[1]) * (units[part[2] ?? 's'] ?? 0), 0);
}

/** The limits a config.toml states, GoTrue's defaults for what it leaves out. */
export function readAuthRateLimits(configPath: string): AuthRateLimits {
  const limits = { ...DEFAULT_AUTH_RATE_LIMITS };
  const sections = readConfigSections(configPath);
  const rate = sections.get('auth.rate_limit');
  const number = (key: string, fallback: number) => {
    const value = Number(rate?.get(key));
    return rate?.has(key) && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  limits.signInSignUps = number('sign_in_sign_ups', limits.signInSignUps);
  limits.tokenRefresh = number('token_refresh', limits.tokenRefresh);
  limits.tokenVerifications = number('token_verifications', limits.tokenVerifications);
  const frequency = sections.get('auth.email')?.get('max_frequency');
  limits.emailMaxFrequencyMs =
    (frequency ? goDurationMs(frequency) : undefined) ?? limits.emailMaxFrequencyMs;
  return limits;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** golang.org/x/time/rate's token bucket, one per key, as tollbooth keeps them. */
class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptAt = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  take(key: string, now: number): boolean {
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond,
    );
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at > IDLE_TTL_MS) this.buckets.delete(key);
    }
  }
}

export interface AuthRateLimiter {
  /** Throws GoTrue's 429 once `key` (a client address, or an email) is over the endpoint's limit. */
  check(endpoint: LimitedEndpoint, key: string): void;
  /** Throws 429 over_email_send_rate_limit when the last email went out too recently. */
  checkEmailFrequency(sentAt: Date | null): void;
}

/** `false` turns every limit off (suites that sign in many simulated users from one address). */
export function createAuthRateLimiter(
  limits: AuthRateLimits | false,
  clock: () => number = Date.now,
): AuthRateLimiter {
  if (limits === false) return { check: () => {}, checkEmailFrequency: () => {} };
  const per5Minutes = (n: number) => new TokenBuckets(n / WINDOW_SECONDS, BURST);
  const buckets: Record<LimitedEndpoint, TokenBuckets> = {
    signup: per5Minutes(limits.signInSignUps),
    recover: per5Minutes(limits.signInSignUps),
    user: per5Minutes(limits.signInSignUps),
    token: per5Minutes(limits.tokenRefresh),
    verify: per5Minutes(limits.tokenVerifications),
    // Beyond GoTrue: OTP guesses for one email are limited as one client's are, so guesses
    // spread over many client IPs cannot brute-force a 6-digit code either.
    'verify-email': per5Minutes(limits.tokenVerifications),
  };
  return {
    check(endpoint, key) {
      if (!buckets[endpoint].take(key, clock())) {
        throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
      }
    },
    checkEmailFrequency(sentAt) {
      if (!sentAt) return;
      const wait = sentAt.getTime() + limits.emailMaxFrequencyMs - clock();
      if (wait > 0) {
        throw new AuthError(
          429,
          'over_email_send_rate_limit',
          // Go's Duration / time.Second truncates, so the last second reads "0 seconds".
          `For security purposes, you can only request this after ${Math.trunc(wait / 1000)} seconds.`,
        );
      }
    },
  };
}
