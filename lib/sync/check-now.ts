import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { TopupStatus } from '../../db/enums';
import { topups } from '../../db/schema';
import { UserFacingError } from '../actions/errors';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { type Actor, observe, recordCheckError } from './observe';

// "Check now" on the order page: one check-id for one order, at most every 10 s per order
// whoever clicks, and the answer (or the failure) lands in the timeline at once.

export const CHECK_NOW_SPACING_MS = 10_000;

export async function checkNow(
  deps: { db: Db; client: OneClickClient; now: () => Date },
  topupPk: number,
  actor: Actor,
): Promise<{ status: TopupStatus; eventId: number | null }> {
  const now = deps.now();
  const earliest = new Date(now.getTime() - CHECK_NOW_SPACING_MS);
  // Claiming the slot and checking it is one statement, so two clicks cannot both pass.
  const [claimed] = await deps.db
    .update(topups)
    .set({ lastManualCheckAt: now })
    .where(
      and(
        eq(topups.id, topupPk),
        or(isNull(topups.lastManualCheckAt), lt(topups.lastManualCheckAt, earliest)),
      ),
    )
    .returning({ topupId: topups.topupId, nextCheckAt: topups.nextCheckAt });
  if (!claimed) {
    const [row] = await deps.db
      .select({ at: topups.lastManualCheckAt })
      .from(topups)
      .where(eq(topups.id, topupPk));
    if (!row) throw new UserFacingError('order.notFound');
    const seconds = Math.max(0, Math.round((now.getTime() - (row.at?.getTime() ?? 0)) / 1000));
    throw new UserFacingError('order.checkTooSoon', {
      params: { seconds, wait: Math.max(1, CHECK_NOW_SPACING_MS / 1000 - seconds) },
    });
  }
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
    if (e?.kind === 'not_found') throw new UserFacingError('order.checkNotFound');
    throw new UserFacingError('order.checkFailed', { params: { reason: e?.kind ?? 'network' } });
  }
}
