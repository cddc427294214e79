import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

/** A limiter on a clock that moves only when it sleeps; `start` notes the time a call began. */
function onFakeClock(rps: number) {
  let clock = 0;
  const starts: number[] = [];
  const limit = createLimiter({
    rps,
    concurrency: 100,
    now: () => clock,
    // Time passes only once the calls already let through have started.
    sleep: async (ms) => {
      await new Promise((r) => setTimeout(r, 0));
      clock += ms;
    },
  });
  return { limit, starts, start: async () => void starts.push(clock) };
}

describe('the upstream traffic cap', () => {
  it('never has more calls in flight than the concurrency cap', async () => {
    const limit = createLimiter({ rps: 1000, concurrency: 3 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('starts at most `rps` calls per second, waiting for tokens instead of failing', async () => {
    const { limit, starts, start } = onFakeClock(5);
    for (let i = 0; i < 15; i++) await limit(start);
    // A full bucket of 5 at once, then one every 200 ms.
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts.at(-1)).toBe(2000);
    const perSecond = starts.filter((t) => t > 0 && t <= 1000).length;
    expect(perSecond).toBe(5);
  });

  it('lets a person waiting go ahead of the background backlog', async () => {
    // One call at a time, as when the worker has queued a burst of polls: a support agent's
    // "check now" must not wait behind them (at 10 calls/s, 100 queued polls are 10 s).
    const limit = createLimiter({ rps: 1000, concurrency: 1 });
    const order: string[] = [];
    let release: () => void = () => {};
    const first = limit(
      () =>
        new Promise<void>((r) => {
          release = r;
        }),
      'background',
    );
    const polls = Array.from({ length: 5 }, (_, i) =>
      limit(async () => {
        order.push(`poll ${i}`);
      }, 'background'),
    );
    const person = limit(async () => {
      order.push('person');
    });
    await new Promise((r) => setTimeout(r, 5));
    release();
    await Promise.all([first, ...polls, person]);
    expect(order).toEqual(['person', 'poll 0', 'poll 1', 'poll 2', 'poll 3', 'poll 4']);
  });

  it('keeps the rate cap across both lanes', async () => {
    const { limit, starts, start } = onFakeClock(4);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => limit(start, i % 2 ? 'background' : 'interactive')),
    );
    // 4 at once, then one every 250 ms whatever the lane.
    expect(starts.filter((t) => t === 0)).toHaveLength(4);
    expect(Math.max(...starts)).toBe(2000);
  });
});
