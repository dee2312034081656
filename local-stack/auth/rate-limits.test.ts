// The rate limiter's arithmetic, on a hand-moved clock: GoTrue's tollbooth buckets (a burst of
// 30, refilled at n per 5 minutes) for each endpoint, with config.toml's numbers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../database.ts';
import { stackSettingsFromEnv } from '../server.ts';
import { createAuthRateLimiter, readAuthRateLimits, type LimitedEndpoint } from './rate-limits.ts';

const limits = readAuthRateLimits(join(projectRoot, 'supabase/config.toml'));

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = createAuthRateLimiter(limits, () => clock.now);
  /** How many checks in a row pass for `key` right now. */
  const passing = (endpoint: LimitedEndpoint, key: string) => {
    let passed = 0;
    for (; passed < 100; passed += 1) {
      try {
        limiter.check(endpoint, key);
      } catch (error) {
        expect(error).toMatchObject({ status: 429, errorCode: 'over_request_rate_limit' });
        break;
      }
    }
    return passed;
  };
  return { clock, limiter, passing };
}

describe('auth rate limiter', () => {
  it('allows a burst of 30 per endpoint and client, then refills at n per 5 minutes', () => {
    const { clock, passing } = limiterAt();
    for (const endpoint of ['signup', 'recover', 'user', 'token', 'verify'] as const) {
      expect(passing(endpoint, '10.0.0.1')).toBe(30);
    }
    // Each endpoint has its own bucket, each client too.
    expect(passing('token', '10.0.0.2')).toBe(30);

    clock.now += 2_000; // token_refresh = 150 per 5 min: one every 2 s
    expect(passing('token', '10.0.0.1')).toBe(1);
    expect(passing('verify', '10.0.0.1')).toBe(0);
    clock.now += 8_000; // token_verifications and sign_in_sign_ups = 30 per 5 min: one per 10 s
    expect(passing('verify', '10.0.0.1')).toBe(1);
    expect(passing('signup', '10.0.0.1')).toBe(1);
    clock.now += 5 * 60_000; // never more than the burst
    expect(passing('signup', '10.0.0.1')).toBe(30);
  });

  it('spaces recovery emails to one user by max_frequency', () => {
    const { clock, limiter } = limiterAt();
    const sentAt = new Date(clock.now);
    expect(() => limiter.checkEmailFrequency(sentAt)).toThrow(
      expect.objectContaining({ status: 429, errorCode: 'over_email_send_rate_limit' }),
    );
    clock.now += limits.emailMaxFrequencyMs;
    expect(() => limiter.checkEmailFrequency(sentAt)).not.toThrow();
    expect(() => limiter.checkEmailFrequency(null)).not.toThrow();
  });

  it('can be turned off, from a stack option or LOCAL_STACK_AUTH_RATE_LIMITS=off', () => {
    const off = createAuthRateLimiter(false);
    for (let index = 0; index < 100; index += 1) off.check('token', '10.0.0.1');
    expect(() => off.checkEmailFrequency(new Date())).not.toThrow();
    expect(stackSettingsFromEnv({ LOCAL_STACK_AUTH_RATE_LIMITS: 'off' })).toMatchObject({
      authRateLimits: false,
    });
    expect(stackSettingsFromEnv({})).not.toHaveProperty('authRateLimits');
  });
});
