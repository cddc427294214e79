import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import {
  claimAttempt,
  clearAttempts,
  FREE_FAILURES,
  HARD_CAP,
  isLocked,
  lockAfterFailure,
  throttleStates,
} from './throttle';

const now = new Date('2026-11-27T10:00:00Z');

describe('sign-in throttling rules', () => {
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

  it('keeps the email locked at the hard cap whatever the time, until an admin unlocks', () => {
    expect(isLocked({ failures: HARD_CAP, lockedUntil: null }, new Date('2099-01-01'))).toBe(true);
    expect(isLocked({ failures: 0, lockedUntil: null }, now)).toBe(false);
  });

  it('unlocks on its own when a temporary lock runs out', () => {
    const lockedUntil = lockAfterFailure(5, now);
    expect(isLocked({ failures: 5, lockedUntil }, now)).toBe(true);
    expect(isLocked({ failures: 5, lockedUntil }, new Date(now.getTime() + 31_000))).toBe(false);
  });
});

describe('claiming attempts in the database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('grants exactly five of 40 simultaneous claims, then locks with the same rule', async () => {
    const claims = await Promise.all(
      Array.from({ length: 40 }, () => claimAttempt(t.db, 'burst@example.dz', now)),
    );
    expect(claims.filter(Boolean)).toHaveLength(FREE_FAILURES);
    const state = (await throttleStates(t.db, ['Burst@Example.dz'])).get('burst@example.dz');
    expect(state?.failures).toBe(FREE_FAILURES);
    expect(state?.lockedUntil).toEqual(lockAfterFailure(FREE_FAILURES, now));
  });

  it('claims again once the lock ran out, and starts over after a success', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) await claimAttempt(t.db, 'later@example.dz', now);
    expect(await claimAttempt(t.db, 'later@example.dz', now)).toBe(false);
    expect(await claimAttempt(t.db, 'later@example.dz', new Date(now.getTime() + 31_000))).toBe(
      true,
    );
    await clearAttempts(t.db, 'LATER@example.dz');
    expect((await throttleStates(t.db, ['later@example.dz'])).size).toBe(0);
  });
});
