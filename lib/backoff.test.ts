import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, POLICIES } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoff after failures', () => {
  it('doubles its ceiling with each failure in a row, up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffCeiling(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('waits a uniformly random time below the ceiling (full jitter)', () => {
    expect(backoffDelay(3, policy, { random: () => 0 })).toBe(0);
    expect(backoffDelay(3, policy, { random: () => 0.5 })).toBe(2_000);
    expect(backoffDelay(3, policy, { random: () => 0.999_999 })).toBeLessThan(4_000);
  });

  it('never waits less than the floor, nor less than the other side asked for', () => {
    expect(backoffDelay(1, { ...policy, floorMs: 500 }, { random: () => 0 })).toBe(500);
    expect(backoffDelay(1, policy, { random: () => 0.5, retryAfterMs: 30_000 })).toBe(30_000);
  });

  it('spreads many workers that failed together instead of retrying in lockstep', () => {
    const waits = new Set(Array.from({ length: 50 }, () => backoffDelay(5, POLICIES.duty)));
    expect(waits.size).toBeGreaterThan(40);
  });
});
