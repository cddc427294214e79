import type { Db } from '../../db/client';
import { addLoggedChanges, rebuildAll } from '../../db/queries/rollups';

// Keeps the hourly rollups true: triggers log every change to what they count, in the same
// transaction as the change; this adds the logged changes into the rollups, oldest first, so
// catching up costs what changed, not what the tables hold (db/queries/rollups.ts).

/** Logged changes per table one refresh adds at most. */
export const ROLLUP_BUDGET = 10_000;

/**
 * Adds up to `budget` logged changes per table into the rollups; returns how many it added.
 * `more`: the budget ran out, changes still wait (a history import logs tens of thousands).
 */
export async function refreshRollups(
  db: Db,
  budget = ROLLUP_BUDGET,
): Promise<{ topupChanges: number; refundChanges: number; more: boolean }> {
  const topupChanges = await db.transaction((tx) => addLoggedChanges(tx, 'topups', budget));
  const refundChanges = await db.transaction((tx) => addLoggedChanges(tx, 'refunds', budget));
  return { topupChanges, refundChanges, more: topupChanges >= budget || refundChanges >= budget };
}

/**
 * Recomputes the rollups from every order and refund, at once (the benchmark; an operator
 * after a change to what they count). Writes to orders and refunds wait while it runs.
 */
export async function rebuildRollups(db: Db): Promise<void> {
  await db.transaction((tx) => rebuildAll(tx));
}
