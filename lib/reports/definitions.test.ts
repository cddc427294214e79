import { describe, expect, it } from 'vitest';
import { bucketUpperMs, histogramQuantile, rate } from './definitions';

const counts = (fulfilled: number, refunded: number, unknown: number, pending = 0) => ({
  orders: fulfilled + refunded + unknown + pending,
  pending,
  handling: 0,
  fulfilled,
  refunded,
  unknown,
});

describe('report definitions', () => {
  it('rates are shares of settled orders only: in-flight orders do not dilute them', () => {
    expect(rate(90, counts(90, 6, 4, 50))).toBe(0.9);
  });

  it('a period with nothing settled has no rate rather than 0 %', () => {
    expect(rate(0, counts(0, 0, 0, 3))).toBeNull();
  });

  it('reads p50 and p95 off the histogram as bucket upper edges', () => {
    const h = Array(140).fill(0);
    h[9] = 50; // 9–10 s
    h[14] = 45; // 14–15 s
    h[61] = 5; // 70–80 s
    expect(histogramQuantile(h, 0.5)).toBe(10_000);
    expect(histogramQuantile(h, 0.95)).toBe(15_000);
    expect(histogramQuantile(h, 0.99)).toBe(80_000);
    expect(bucketUpperMs(139)).toBe(Number.POSITIVE_INFINITY);
  });
});
