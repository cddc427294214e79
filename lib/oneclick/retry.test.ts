import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry';

describe('backoff', () => {
  const opts = { baseMs: 250, capMs: 8000 };

  it('draws a delay between zero and the exponential ceiling (full jitter)', () => {
    expect(backoffDelay(0, opts, () => 0.5)).toBe(125);
    expect(backoffDelay(3, opts, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, opts, () => 0)).toBe(0);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(20, opts, () => 0.999)).toBeLessThan(8000);
  });
});

describe('Retry-After', () => {
  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.now())).toBe(0);
  });
});
