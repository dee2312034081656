// The password hasher: GoTrue-compatible bcrypt, computed off the event loop.
import { performance } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from './passwords.ts';

const hasher = createPasswordHasher(2);
afterAll(() => hasher.close());

describe('password hasher', () => {
  it('makes bcrypt hashes of cost 10 that bcrypt verifies, and checks them', async () => {
    const hash = await hasher.hash('correct horse');
    expect(hash).toMatch(/^\$2[aby]\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.compareSync('correct horse', hash)).toBe(true);
    // A hash GoTrue (Go's x/crypto, $2a$) wrote checks too.
    const goHash = bcrypt.hashSync('from-gotrue', 4).replace(/^\$2b\$/, '$2a$');
    expect(await hasher.compare('from-gotrue', goHash)).toBe(true);
    expect(await hasher.compare('correct horsE', hash)).toBe(false);
  });

  it('leaves the event loop idle while it hashes', async () => {
    const before = performance.eventLoopUtilization();
    await Promise.all(Array.from({ length: 6 }, (_, index) => hasher.hash(`password-${index}`)));
    const busy = performance.eventLoopUtilization(before).utilization;
    // bcrypt on this thread keeps the loop busy nearly all the time (utilization ≈ 1).
    expect(busy).toBeLessThan(0.5);
  });

  it('answers false for a stored hash that is not bcrypt', async () => {
    await expect(hasher.compare('x', 'not-a-bcrypt-hash')).resolves.toBe(false);
  });

  it('refuses work once closed', async () => {
    const closed = createPasswordHasher(1);
    await closed.hash('warm');
    await closed.close();
    await expect(closed.hash('late')).rejects.toThrow('closed');
  });
});
