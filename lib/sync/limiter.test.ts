import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

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
    let clock = 0;
    const starts: number[] = [];
    const limit = createLimiter({
      rps: 5,
      concurrency: 100,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    for (let i = 0; i < 15; i++) await limit(async () => starts.push(clock));
    // A full bucket of 5 at once, then one every 200 ms.
    expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(starts.at(-1)).toBe(2000);
    const perSecond = starts.filter((t) => t > 0 && t <= 1000).length;
    expect(perSecond).toBe(5);
  });
});
