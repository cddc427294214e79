import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { refunds, topups } from '../schema';

// The two figures of the morning digests (lib/digests/content.ts) that no page reads yet. Every
// other figure comes from the reports', refunds' and reconciliation's own queries.

/**
 * UNKNOWN_ERROR orders that got there at or before `cutoff` (the caller's "over 24 h"): a range
 * read of the partial index topups_unknown_idx, bounded by the backlog, not by the table.
 */
export async function unknownSince(db: Db, cutoff: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(topups)
    .where(and(eq(topups.status, 'UNKNOWN_ERROR'), lte(topups.unknownErrorAt, cutoff)));
  return row?.n ?? 0;
}

/** Customer refunds waiting for a second finance user (refunds_awaiting_idx): count and DZD. */
export async function awaitingApprovalTotals(db: Db): Promise<{ count: number; amount: string }> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${refunds.amount}), 0)::text`,
    })
    .from(refunds)
    .where(eq(refunds.state, 'awaiting_approval'));
  return { count: row?.count ?? 0, amount: row?.amount ?? '0' };
}
