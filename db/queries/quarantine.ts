import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { upstreamQuarantine } from '../schema';

// List items that did not fit the contract (upstream_quarantine): recorded by the sync
// (lib/sync/quarantine.ts), retried or dismissed from Sync health (lib/sync/quarantine-actions.ts).

/** One rejected item as the sync met it; `fingerprint` is its one row. */
export type QuarantineSighting = {
  fingerprint: string;
  topupId: string | null;
  raw: unknown;
  error: string;
  source: string;
  requestId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/**
 * Records sightings (one per fingerprint). Seen again: counted, and the latest raw and reason
 * kept. A row a person dismissed or that was resolved stays so while the item is unchanged; a
 * different item under the same id reopens it.
 */
export async function recordQuarantined(db: Db | Tx, sightings: QuarantineSighting[]) {
  await db
    .insert(upstreamQuarantine)
    .values(sightings)
    .onConflictDoUpdate({
      target: upstreamQuarantine.fingerprint,
      set: {
        lastSeenAt: sql`excluded.last_seen_at`,
        seenCount: sql`${upstreamQuarantine.seenCount} + 1`,
        error: sql`excluded.error`,
        requestId: sql`excluded.request_id`,
        state: sql`case when ${upstreamQuarantine.state} <> 'open' and ${upstreamQuarantine.raw} = excluded.raw then ${upstreamQuarantine.state} else 'open'::quarantine_state end`,
        raw: sql`excluded.raw`,
      },
    });
}

/** Open items for these upstream ids parse now: resolved. */
export async function resolveParsedQuarantined(
  db: Db | Tx,
  topupIds: readonly string[],
  now: Date,
) {
  await db
    .update(upstreamQuarantine)
    .set({ state: 'resolved', resolvedAt: now, resolution: 'parsed on a later read' })
    .where(
      and(eq(upstreamQuarantine.state, 'open'), inArray(upstreamQuarantine.topupId, [...topupIds])),
    );
}

/** An item still open: its upstream id (if it has one) and the raw item; undefined otherwise. */
export async function openQuarantined(db: Db | Tx, id: number) {
  const [row] = await db
    .select({ topupId: upstreamQuarantine.topupId, raw: upstreamQuarantine.raw })
    .from(upstreamQuarantine)
    .where(and(eq(upstreamQuarantine.id, id), eq(upstreamQuarantine.state, 'open')));
  return row;
}

/** Closes an open item; false when it was not open any more. */
export async function settleQuarantined(
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
export async function noteQuarantinedStillBad(db: Db | Tx, id: number, error: string, at: Date) {
  await db
    .update(upstreamQuarantine)
    .set({ error, lastSeenAt: at })
    .where(eq(upstreamQuarantine.id, id));
}
