import type { TopupStatus } from '../../db/enums';
import { backoffDelay, POLICIES } from '../backoff';

// When each order is checked next (shared/DESIGN.md, "Polling schedule"). Pure functions of
// the order and the clock, so the poller, the benchmark and the tests agree.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Per-order checks are never closer than this. */
export const MIN_CHECK_SPACING_MS = 5 * SECOND;
/** In flight longer than this: flag "stuck" and back off. */
export const STUCK_AFTER_MS = 5 * MINUTE;
/** After the stuck point: 1, 5, 15, 30, 60 minutes apart, then hourly. */
const STUCK_GAPS_MS = [1, 5, 15, 30, 60].map((m) => m * MINUTE);
/** UNKNOWN_ERROR rechecks, counted from when it appeared; then daily. */
export const UNKNOWN_RECHECK_MS = [1, 2, 4, 8, 12, 24].map((h) => h * HOUR);

/**
 * Time-to-final quantiles (ms from creation) at which an in-flight order not covered by a list
 * poll is checked. Learned from recent settled orders (lib/sync/ttf.ts); until there is data,
 * the documented ranges (PENDING 2–15 s, then HANDLING 3–8 s) give these.
 */
export const DEFAULT_TTF_CHECKPOINTS_MS = [12, 15, 18, 21, 24].map((s) => s * SECOND);

type Order = { status: TopupStatus; upstreamCreatedAt: Date; unknownErrorAt: Date | null };

export type NextCheck = { at: Date | null; stuck: boolean };

export function nextCheck(
  order: Order,
  now: Date,
  opts: { checkpointsMs?: readonly number[]; listCoverMs?: number | null } = {},
): NextCheck {
  const t = now.getTime();
  switch (order.status) {
    case 'FULFILLED':
    case 'REFUNDED':
      return { at: null, stuck: false };
    case 'UNKNOWN_ERROR': {
      const since = (order.unknownErrorAt ?? now).getTime();
      return {
        at: new Date(firstAfter(since, UNKNOWN_RECHECK_MS, 24 * HOUR, t + MIN_CHECK_SPACING_MS)),
        stuck: false,
      };
    }
    default: {
      const created = order.upstreamCreatedAt.getTime();
      const stuckAt = created + STUCK_AFTER_MS;
      if (t >= stuckAt) {
        const gaps = cumulative(STUCK_GAPS_MS);
        return {
          at: new Date(firstAfter(stuckAt, gaps, HOUR, t + MIN_CHECK_SPACING_MS)),
          stuck: true,
        };
      }
      // Seen by a list poll just now: the next list poll will see it again, so the per-order
      // check only fires if the order drops out of the list window.
      if (opts.listCoverMs)
        return { at: new Date(Math.min(t + opts.listCoverMs, stuckAt)), stuck: false };
      const checkpoints = opts.checkpointsMs?.length
        ? opts.checkpointsMs
        : DEFAULT_TTF_CHECKPOINTS_MS;
      const next = checkpoints
        .map((ms) => created + ms)
        .find((at) => at >= t + MIN_CHECK_SPACING_MS);
      // Past the last checkpoint: every 15 s until the stuck point.
      return { at: new Date(Math.min(next ?? t + 15 * SECOND, stuckAt)), stuck: false };
    }
  }
}

/** Orders we count on a list page: a page holds 100; the rest is margin for orders new to us. */
export const LIST_PAGE_ORDERS = 90;
/** The most pages one list poll reads (1,000 orders). */
export const MAX_LIST_PAGES = 10;
/**
 * A page deeper than the newest is read while it holds at least this many orders in flight:
 * one call per list interval for ten orders costs less than their check-ids, and sees each
 * final within one interval. Sparser pages (the few slow orders) are left to check-id.
 */
export const MIN_IN_FLIGHT_PER_PAGE = 10;

/** A page of our newest orders (LIST_PAGE_ORDERS each, newest first, `page` from 0). */
export type OrderPage = { page: number; inFlight: number; oldestInFlight: Date };

/**
 * Where the next list poll's window starts: at the oldest in-flight order on the pages down to
 * the deepest one worth reading. Pages not given hold nothing in flight. Null: nothing in
 * flight is worth a list call.
 */
export function listWindow(pages: readonly OrderPage[]): { from: Date } | null {
  const worth = (p: OrderPage) =>
    p.page < MAX_LIST_PAGES && p.inFlight >= (p.page === 0 ? 1 : MIN_IN_FLIGHT_PER_PAGE);
  const worthy = pages.filter(worth);
  if (worthy.length === 0) return null;
  const deepest = Math.max(...worthy.map((p) => p.page));
  const covered = pages.filter((p) => p.page <= deepest);
  return { from: new Date(Math.min(...covered.map((p) => p.oldestInFlight.getTime()))) };
}

/** Exponential backoff with full jitter, honouring the upstream's Retry-After. */
export function backoffAfterError(
  consecutiveErrors: number,
  now: Date,
  opts: { retryAfterMs?: number; random?: () => number } = {},
): Date {
  return new Date(now.getTime() + backoffDelay(consecutiveErrors, POLICIES.orderCheck, opts));
}

function cumulative(gaps: readonly number[]): number[] {
  let sum = 0;
  return gaps.map((gap) => {
    sum += gap;
    return sum;
  });
}

/** The first of `origin + offsets[i]`, then every `repeat` after the last, that is ≥ `notBefore`. */
function firstAfter(
  origin: number,
  offsets: readonly number[],
  repeat: number,
  notBefore: number,
): number {
  for (const offset of offsets) if (origin + offset >= notBefore) return origin + offset;
  const last = origin + (offsets.at(-1) ?? 0);
  return last + Math.ceil((notBefore - last) / repeat) * repeat;
}
