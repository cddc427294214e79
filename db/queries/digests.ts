import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { digestRuns, refunds } from '../schema';

// The morning digests' own queries: the one figure no page reads yet (refunds awaiting
// approval; every other figure comes from the reports', refunds' and reconciliation's queries),
// and which desk days' digests were queued (lib/digests/schedule.ts).

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

/** Whether the morning digests of desk day `day` were queued (by any instance). */
export async function digestsQueued(db: Db | Tx, day: string): Promise<boolean> {
  const [row] = await db.select().from(digestRuns).where(eq(digestRuns.day, day));
  return row !== undefined;
}

/** Claims desk day `day`'s digests for this transaction; false when another instance has. */
export async function claimDigestRun(tx: Tx, day: string, at: Date): Promise<boolean> {
  const [claimed] = await tx
    .insert(digestRuns)
    .values({ day, queuedAt: at, recipients: 0 })
    .onConflictDoNothing()
    .returning();
  return claimed !== undefined;
}

export async function recordDigestRecipients(tx: Tx, day: string, recipients: number) {
  await tx.update(digestRuns).set({ recipients }).where(eq(digestRuns.day, day));
}

/** The newest desk day whose digests were queued. */
export async function lastDigestRun(db: Db | Tx) {
  const [row] = await db.select().from(digestRuns).orderBy(sql`${digestRuns.day} desc`).limit(1);
  return row ?? null;
}
