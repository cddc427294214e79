import { describe, expect, it } from 'vitest';
import { backoffAfterError, listWindow, MIN_CHECK_SPACING_MS, nextCheck } from './schedule';

const created = new Date('2026-11-27T10:00:00Z');
const at = (ms: number) => new Date(created.getTime() + ms);
const S = 1000;
const H = 3600 * S;

describe('when an order is checked next', () => {
  it('stops checking settled orders', () => {
    expect(
      nextCheck(
        { status: 'FULFILLED', upstreamCreatedAt: created, unknownErrorAt: null },
        at(20 * S),
      ),
    ).toEqual({ at: null, stuck: false });
  });

  it('checks an in-flight order at learned time-to-final checkpoints, never closer than 5 s', () => {
    const order = { status: 'PENDING' as const, upstreamCreatedAt: created, unknownErrorAt: null };
    const checkpointsMs = [8 * S, 10 * S, 30 * S];
    expect(nextCheck(order, at(0), { checkpointsMs }).at).toEqual(at(8 * S));
    // At 6 s the 8 s checkpoint is only 2 s away: the next one at least 5 s away is taken.
    expect(nextCheck(order, at(6 * S), { checkpointsMs }).at).toEqual(at(30 * S));
    expect(nextCheck(order, at(31 * S), { checkpointsMs }).at?.getTime()).toBeGreaterThanOrEqual(
      at(31 * S).getTime() + MIN_CHECK_SPACING_MS,
    );
  });

  it('leaves an order seen by a list poll to the next list poll', () => {
    const order = { status: 'HANDLING' as const, upstreamCreatedAt: created, unknownErrorAt: null };
    expect(nextCheck(order, at(10 * S), { listCoverMs: 9 * S }).at).toEqual(at(19 * S));
  });

  it('flags an order stuck after 5 minutes and backs off 1, 5, 15 minutes', () => {
    const order = { status: 'PENDING' as const, upstreamCreatedAt: created, unknownErrorAt: null };
    const first = nextCheck(order, at(5 * 60 * S));
    expect(first).toEqual({ at: at(6 * 60 * S), stuck: true });
    expect(nextCheck(order, at(6 * 60 * S)).at).toEqual(at(11 * 60 * S));
    expect(nextCheck(order, at(11 * 60 * S)).at).toEqual(at(26 * 60 * S));
  });

  it('rechecks UNKNOWN_ERROR about 1, 2, 4, 8, 12 and 24 hours after it appeared, then daily', () => {
    const order = {
      status: 'UNKNOWN_ERROR' as const,
      upstreamCreatedAt: created,
      unknownErrorAt: created,
    };
    const chain: number[] = [];
    let now = created;
    for (let i = 0; i < 8; i++) {
      const next = nextCheck(order, now).at;
      if (!next) throw new Error('no next check');
      chain.push((next.getTime() - created.getTime()) / H);
      now = next;
    }
    expect(chain).toEqual([1, 2, 4, 8, 12, 24, 48, 72]);
  });
});

describe('what a list poll covers', () => {
  const page = (n: number, inFlight: number, oldestS: number) => ({
    page: n,
    inFlight,
    oldestInFlight: at(oldestS * S),
  });

  it('reads the newest page while anything on it is in flight, and nothing when nothing is', () => {
    expect(listWindow([page(0, 1, 40)])).toEqual({ from: at(40 * S) });
    expect(listWindow([])).toBeNull();
  });

  it('reads deeper pages while they hold ten orders in flight, from the oldest of those', () => {
    const busy = [page(0, 90, 50), page(1, 70, 45), page(2, 12, 40), page(3, 2, 10)];
    expect(listWindow(busy)).toEqual({ from: at(40 * S) });
  });

  it('leaves a few slow orders deep down to check-id instead of reading their pages', () => {
    expect(listWindow([page(2, 3, 10), page(5, 1, 0)])).toBeNull();
  });

  it('never reads more than ten pages in one poll', () => {
    const flood = Array.from({ length: 12 }, (_, i) => page(i, 90, 100 - i));
    expect(listWindow(flood)).toEqual({ from: at(91 * S) });
  });
});

describe('backoff after an upstream error', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  it('waits a random time up to a doubling ceiling (full jitter), at least 5 s', () => {
    const waits = [1, 2, 3, 4].map(
      (n) => backoffAfterError(n, now, { random: () => 1 }).getTime() - now.getTime(),
    );
    expect(waits).toEqual([5 * S, 10 * S, 20 * S, 40 * S]);
    expect(backoffAfterError(3, now, { random: () => 0 }).getTime() - now.getTime()).toBe(5 * S);
  });

  it('honours Retry-After when the upstream asks for longer', () => {
    expect(
      backoffAfterError(1, now, { retryAfterMs: 120 * S, random: () => 0.5 }).getTime() -
        now.getTime(),
    ).toBe(120 * S);
  });

  it('caps the wait at 10 minutes however many errors in a row', () => {
    expect(backoffAfterError(30, now, { random: () => 1 }).getTime() - now.getTime()).toBe(600 * S);
  });
});
