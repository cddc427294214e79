import type { Db } from '../../db/client';
import {
  claimDirtyHours,
  type RollupKind,
  recomputeRefundHours,
  recomputeTopupHours,
  stageClaimedHours,
} from '../../db/queries/rollups';

// Keeps the hourly rollups true: every hour a trigger marked dirty is recomputed from the raw
// rows of that hour only, in one transaction with taking the mark (db/queries/rollups.ts).

/** Recomputes up to `limit` dirty hours of one kind; returns how many it took. */
async function refreshKind(db: Db, kind: RollupKind, limit: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Take the marks (another worker skips them); a change committed after this re-marks.
    const hours = await claimDirtyHours(tx, kind, limit);
    if (hours.length === 0) return 0;
    await stageClaimedHours(tx, hours);
    if (kind === 'topups') await recomputeTopupHours(tx);
    else await recomputeRefundHours(tx);
    return hours.length;
  });
}

/** Hours per kind one refresh recomputes at most (~15 ms for 200 hours of orders). */
export const ROLLUP_BUDGET = 200;

/**
 * Brings the rollups up to date, at most `budget` hours per kind per call. `more`: the budget
 * ran out, hours still wait (a history import marks thousands).
 */
export async function refreshRollups(
  db: Db,
  budget = ROLLUP_BUDGET,
): Promise<{ topupHours: number; refundHours: number; more: boolean }> {
  const topupHours = await refreshKind(db, 'topups', budget);
  const refundHours = await refreshKind(db, 'refunds', budget);
  return { topupHours, refundHours, more: topupHours >= budget || refundHours >= budget };
}
