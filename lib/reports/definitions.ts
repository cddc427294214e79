// The report figures, defined once. Every chart, the landing page, the golden tests and the
// benchmark's live cross-check use these definitions.
//
// - An order belongs to the hour/day it was created (upstream created_at), in Algeria's time for
//   days and hours of the day. A late status change moves its counts within that hour.
// - "Settled" = orders that left processing: FULFILLED + REFUNDED + UNKNOWN_ERROR. PENDING and
//   HANDLING orders are not in any rate. Fulfilment rate = FULFILLED / settled; the refunded
//   and unknown-error rates use the same denominator, so the three add up to 100 %.
// - Time to final = our finalized_at − upstream created_at (the upstream has no updated_at), for
//   FULFILLED and REFUNDED orders we saw settle; p50/p95 are read off a histogram with 1 s
//   buckets below a minute (10 s to 5 min, 1 min to 1 h), as the bucket's upper edge.
// - UNKNOWN_ERROR outcomes: orders that went through UNKNOWN_ERROR, how they ended, and the
//   mean time from UNKNOWN_ERROR to final over those that settled (each in whole milliseconds).
import type { StatusCounts } from '../../db/queries/reports';

/** Orders by status, as db/queries/reports.ts counts them. */
export type Counts = StatusCounts;

export const settled = (c: Counts) => c.fulfilled + c.refunded + c.unknown;

/** A share of settled orders, or null when nothing settled (shown as "—", never as 0 %). */
export function rate(part: number, c: Counts): number | null {
  const base = settled(c);
  return base === 0 ? null : part / base;
}

export const TTF_BUCKETS = 140;

/** Upper edge (ms) of a histogram bucket, mirroring the SQL function ttf_bucket. */
export function bucketUpperMs(bucket: number): number {
  if (bucket < 60) return (bucket + 1) * 1000;
  if (bucket < 84) return 60_000 + (bucket - 59) * 10_000;
  if (bucket < 139) return 300_000 + (bucket - 83) * 60_000;
  return Number.POSITIVE_INFINITY;
}

/** The q-quantile of a histogram, as the upper edge of the bucket it falls in (null if empty). */
export function histogramQuantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const target = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let b = 0; b < histogram.length; b++) {
    seen += histogram[b] ?? 0;
    if (seen >= target) return bucketUpperMs(b);
  }
  return null;
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: TTF_BUCKETS }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}
