import type { Db } from '../../db/client';
import type { TopupStatus } from '../../db/enums';
import { claimManualCheck, lastManualCheckOf } from '../../db/queries/topup-status';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { type Refused, refused } from '../result';
import { type Actor, observe, recordCheckError } from './observe';

// "Check now" on the order page: one check-id for one order, at most every 10 s per order
// whoever clicks, and the answer (or the failure) lands in the timeline at once.

export const CHECK_NOW_SPACING_MS = 10_000;

export type LiveCheckSlot =
  | { ok: true; topupId: string; nextCheckAt: Date | null }
  | { ok: false; seconds: number; wait: number };

/**
 * Claims the order's one live check of the next 10 s, or says how long ago the last one was and
 * how many seconds are left; null if there is no such order. Check now and refund attempts
 * share it (lib/refunds/service.ts). A refused claim changes nothing, so the wait never grows.
 */
export async function claimLiveCheck(
  db: Db,
  topupPk: number,
  now: Date,
): Promise<LiveCheckSlot | null> {
  const earliest = new Date(now.getTime() - CHECK_NOW_SPACING_MS);
  const claimed = await claimManualCheck(db, { topupPk, now, earliest });
  if (claimed) return { ok: true, ...claimed };
  const row = await lastManualCheckOf(db, topupPk);
  if (!row) return null;
  const elapsed = Math.max(0, now.getTime() - (row.at?.getTime() ?? 0));
  return {
    ok: false,
    seconds: Math.floor(elapsed / 1000),
    wait: Math.max(1, Math.ceil((CHECK_NOW_SPACING_MS - elapsed) / 1000)),
  };
}

export async function checkNow(
  deps: { db: Db; client: OneClickClient; now: () => Date },
  topupPk: number,
  actor: Actor,
): Promise<{ status: TopupStatus; eventId: number | null } | Refused> {
  const claimed = await claimLiveCheck(deps.db, topupPk, deps.now());
  if (!claimed) return refused('order.notFound');
  if (!claimed.ok)
    return refused('order.checkTooSoon', {
      params: { seconds: claimed.seconds, wait: claimed.wait },
      retryAfterS: claimed.wait,
    });
  try {
    const res = await deps.client.checkId(claimed.topupId);
    const result = await observe(deps.db, {
      topup: res.data,
      source: 'manual',
      actor,
      requestId: res.requestId,
      now: deps.now(),
      recordUnchanged: true,
    });
    return { status: result.status, eventId: result.eventId };
  } catch (error) {
    const e = isOneClickError(error) ? error : undefined;
    await recordCheckError(deps.db, {
      topupPk,
      source: 'manual',
      actor,
      now: deps.now(),
      message: e ? `${e.kind}: ${e.message}` : String(error),
      requestId: e?.requestId,
      payload: e ? { kind: e.kind, code: e.code, httpStatus: e.httpStatus } : null,
      // A person's check must not disturb the engine's own schedule.
      nextCheckAt: claimed.nextCheckAt,
    });
    if (e?.kind === 'not_found') return refused('order.checkNotFound');
    return refused('order.checkFailed', { params: { reason: e?.kind ?? 'network' } });
  }
}
