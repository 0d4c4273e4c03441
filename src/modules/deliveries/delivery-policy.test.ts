import { describe, expect, it } from 'vitest';
import { RETRY_POLICY } from '../../platform/jobs/job.js';
import { DUE_TOLERANCE_MS, isDue, isStaleSending, nextAttemptAt, SENDING_STALE_SECONDS } from './delivery-policy.js';

describe('delivery retry policy', () => {
  const now = new Date('2026-11-30T09:00:00Z');
  const delayOf = (failed: number, jitter = 0) => {
    const at = nextAttemptAt(now, failed, jitter);
    return at ? (at.getTime() - now.getTime()) / 1000 : null;
  };

  it('doubles the platform delay per failed attempt and stops after the platform retry limit', () => {
    expect([1, 2, 3, 4, 8].map((n) => delayOf(n))).toEqual([30, 60, 120, 240, 3840]);
    expect(delayOf(RETRY_POLICY.retryLimit + 1)).toBeNull();
  });

  it('spreads retries by at most ten per cent', () => {
    expect(delayOf(1, 1)).toBe(33);
    expect(delayOf(1, 5)).toBe(33);
    expect(delayOf(1, -1)).toBe(30);
  });

  it('follows a policy without backoff', () => {
    const at = nextAttemptAt(now, 5, 0, { retryLimit: 5, retryDelay: 10, retryBackoff: false });
    expect(at!.getTime() - now.getTime()).toBe(10_000);
  });

  it('counts an item as due shortly before its planned time, and a sending mark as stale after the limit', () => {
    expect(isDue(null, now)).toBe(false);
    expect(isDue(new Date(now.getTime() + DUE_TOLERANCE_MS), now)).toBe(true);
    expect(isDue(new Date(now.getTime() + DUE_TOLERANCE_MS + 1), now)).toBe(false);
    expect(isStaleSending(new Date(now.getTime() - SENDING_STALE_SECONDS * 1000 + 1), now)).toBe(false);
    expect(isStaleSending(new Date(now.getTime() - SENDING_STALE_SECONDS * 1000), now)).toBe(true);
    expect(isStaleSending(null, now)).toBe(true);
  });
});
