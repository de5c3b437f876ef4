import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryDelay, transientDelay } from './backoff.js';

const policy = { minMs: 100, maxMs: 1_000 };

describe('backoff', () => {
  it('waits between minMs and a ceiling that doubles per attempt, capped at maxMs', () => {
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, policy, () => 1))).toEqual([200, 400, 800, 1_000, 1_000]);
    expect([0, 1, 2, 3, 10].map((a) => backoffDelay(a, policy, () => 0))).toEqual([100, 100, 100, 100, 100]);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(450);
  });

  it('spreads waits with jitter, within its bounds', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(3, policy));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(1_000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });

  it('stays finite however many attempts failed', () => {
    expect(backoffDelay(10_000, policy, () => 1)).toBe(1_000);
  });

  it('never waits less than Retry-After asked, even beyond maxMs, but at most an hour', () => {
    expect(retryDelay(0, policy, 5_000, () => 0)).toBe(5_000);
    expect(retryDelay(3, policy, 10, () => 1)).toBe(1_000);
    expect(retryDelay(0, policy, 86_400_000, () => 0)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('transientDelay', () => {
  it('waits maxMs after refused credentials, the backoff otherwise, and Retry-After when longer', () => {
    expect(transientDelay(0, policy, {}, () => 0)).toBe(100);
    expect(transientDelay(0, policy, { credentials: true }, () => 0)).toBe(1_000);
    expect(transientDelay(5, policy, { credentials: true }, () => 1)).toBe(1_000);
    expect(transientDelay(0, policy, { credentials: true, retryAfterMs: 30_000 }, () => 0)).toBe(30_000);
  });
});
