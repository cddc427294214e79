import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, HARD_CAP, isLocked, lockAfterFailure } from './throttle';

const now = new Date('2026-11-27T10:00:00Z');

describe('sign-in throttling', () => {
  it('lets a person mistype their password four times without any lock', () => {
    for (let n = 1; n < FREE_FAILURES; n++) expect(lockAfterFailure(n, now)).toBeNull();
  });

  it('locks for 30 s at the fifth failure, then doubles, capped at 15 minutes', () => {
    const secondsLocked = (n: number) =>
      ((lockAfterFailure(n, now)?.getTime() ?? 0) - now.getTime()) / 1000;
    expect(secondsLocked(5)).toBe(30);
    expect(secondsLocked(6)).toBe(60);
    expect(secondsLocked(8)).toBe(240);
    expect(secondsLocked(19)).toBe(900);
  });

  it('keeps the account locked at the hard cap whatever the time, until an admin unlocks', () => {
    const state = { failedLoginCount: HARD_CAP, lockedUntil: null };
    expect(isLocked(state, new Date('2099-01-01T00:00:00Z'))).toBe(true);
    expect(isLocked({ failedLoginCount: 0, lockedUntil: null }, now)).toBe(false);
  });

  it('unlocks on its own when a temporary lock runs out', () => {
    const lockedUntil = lockAfterFailure(5, now);
    expect(isLocked({ failedLoginCount: 5, lockedUntil }, now)).toBe(true);
    expect(isLocked({ failedLoginCount: 5, lockedUntil }, new Date(now.getTime() + 31_000))).toBe(
      false,
    );
  });
});
