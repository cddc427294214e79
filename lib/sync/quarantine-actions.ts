import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { upstreamQuarantine } from '../../db/schema';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { describeIssues, topupSchema } from '../oneclick/schemas';
import { type Actor, observe } from './observe';

// What a person can do with an item set aside: retry it (ask OneClick again, or read the stored
// item with today's contract) or dismiss it. The caller writes the audit row in the same
// transaction as the state change (`settle`).

export type RetryOutcome =
  | { kind: 'applied'; topupPk: number }
  | { kind: 'still_bad'; error: string }
  | { kind: 'gone' };

export async function retryQuarantined(
  deps: { db: Db; client: Pick<OneClickClient, 'checkId'>; now: () => Date },
  id: number,
  actor: Actor,
): Promise<RetryOutcome> {
  const [row] = await deps.db
    .select({ topupId: upstreamQuarantine.topupId, raw: upstreamQuarantine.raw })
    .from(upstreamQuarantine)
    .where(and(eq(upstreamQuarantine.id, id), eq(upstreamQuarantine.state, 'open')));
  if (!row) return { kind: 'gone' };
  let topup: ReturnType<typeof topupSchema.parse>;
  let requestId: string | undefined;
  if (row.topupId) {
    try {
      const res = await deps.client.checkId(row.topupId);
      topup = res.data;
      requestId = res.requestId;
    } catch (error) {
      return {
        kind: 'still_bad',
        error: isOneClickError(error) ? `${error.kind}: ${error.message}` : String(error),
      };
    }
  } else {
    const parsed = topupSchema.safeParse(row.raw);
    if (!parsed.success) return { kind: 'still_bad', error: describeIssues(parsed.error, 'item') };
    topup = parsed.data;
  }
  const observed = await observe(deps.db, {
    topup,
    source: 'manual',
    actor,
    requestId,
    now: deps.now(),
    recordUnchanged: true,
  });
  return { kind: 'applied', topupPk: observed.topupPk };
}

/** Closes an open item; false when it was not open any more. */
export async function settle(
  tx: Tx,
  id: number,
  change: { state: 'resolved' | 'dismissed'; by: string; at: Date; note: string },
) {
  const rows = await tx
    .update(upstreamQuarantine)
    .set({
      state: change.state,
      resolvedBy: change.by,
      resolvedAt: change.at,
      resolution: change.note,
    })
    .where(and(eq(upstreamQuarantine.id, id), eq(upstreamQuarantine.state, 'open')))
    .returning({ id: upstreamQuarantine.id });
  return rows.length > 0;
}

/** A retry that failed again: the latest reason is what the page shows. */
export async function noteStillBad(db: Db, id: number, error: string, at: Date) {
  await db
    .update(upstreamQuarantine)
    .set({ error, lastSeenAt: at })
    .where(eq(upstreamQuarantine.id, id));
}
