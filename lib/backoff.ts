// Backoff after failures, for every retry in the desk: upstream GETs, per-order checks, refund
// webhooks, ingest registrations and the background duties. One formula, full jitter (AWS
// architecture blog, "Exponential Backoff and Jitter"): a uniformly random wait below a
// doubling ceiling, so many workers recovering together do not retry in lockstep.

export type BackoffPolicy = {
  /** Ceiling after the first failure; it doubles with each further one. */
  baseMs: number;
  /** The ceiling never exceeds this. */
  capMs: number;
  /** Never wait less than this (rate limits, minimum check spacing). Default 0. */
  floorMs?: number;
};

/** The ceiling after `failures` consecutive failures (1 = the first). */
export function backoffCeiling(failures: number, policy: BackoffPolicy): number {
  const doublings = Math.min(Math.max(0, failures - 1), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}

/**
 * How long to wait after `failures` consecutive failures: random below the ceiling, at least
 * the floor, and at least what the other side asked for (Retry-After).
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  opts: { random?: () => number; retryAfterMs?: number } = {},
): number {
  const jittered = Math.floor((opts.random ?? Math.random)() * backoffCeiling(failures, policy));
  return Math.max(policy.floorMs ?? 0, jittered, opts.retryAfterMs ?? 0);
}

export const POLICIES = {
  /** A GET to the upstream, retried inside one call. */
  upstreamGet: { baseMs: 250, capMs: 8_000 },
  /** An order's next check after its check failed (never closer than the 5 s spacing). */
  orderCheck: { baseMs: 5_000, capMs: 10 * 60_000, floorMs: 5_000 },
  /** A refund webhook the merchant's system did not accept. */
  webhook: { baseMs: 30_000, capMs: 3_600_000, floorMs: 5_000 },
  /** A shop registration the upstream could not confirm yet. */
  ingest: { baseMs: 30_000, capMs: 3_600_000, floorMs: 5_000 },
  /** A background duty (backfill, incremental sync, pings…) that failed as a whole. */
  duty: { baseMs: 2_000, capMs: 5 * 60_000, floorMs: 1_000 },
  /** An alert email or webhook post that did not go out. */
  notice: { baseMs: 30_000, capMs: 3_600_000, floorMs: 5_000 },
  /**
   * Reminders of an alert that stays open, at its ceiling (no jitter: people read these):
   * 1 h after it opened, then 2 h, 4 h… at most a day apart.
   */
  alertReminder: { baseMs: 3_600_000, capMs: 86_400_000 },
} as const satisfies Record<string, BackoffPolicy>;
