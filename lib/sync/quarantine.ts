import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { upstreamQuarantine } from '../../db/schema';
import type { RejectedItem } from '../oneclick/schemas';

// List items that do not fit the contract are set aside here, with the raw item and the
// reason, and the rest of the page is applied: the sync moves on. A person sees them on Sync
// health and retries (a live check-id) or dismisses them (lib/sync/quarantine-actions.ts).

export type QuarantineSource = 'backfill' | 'incremental' | 'list-poll';

/** One row per upstream order (or per distinct garbled item when it has no id). */
export function fingerprintOf(item: Pick<RejectedItem, 'raw' | 'topupId'>) {
  if (item.topupId) return `id:${item.topupId}`;
  return `raw:${createHash('sha256')
    .update(JSON.stringify(item.raw) ?? 'undefined')
    .digest('hex')}`;
}

/**
 * Records rejected items. Seen again: counted, and the latest raw and reason kept. A row a
 * person dismissed or that was resolved stays so while the item is unchanged; a different item
 * under the same id reopens it.
 */
export async function quarantine(
  db: Db | Tx,
  rejected: readonly RejectedItem[],
  ctx: { source: QuarantineSource; requestId?: string | null; now: Date },
) {
  if (rejected.length === 0) return 0;
  const rows = new Map(
    rejected.map((item) => [
      fingerprintOf(item),
      {
        fingerprint: fingerprintOf(item),
        topupId: item.topupId,
        // jsonb cannot hold a bare undefined; a missing item is stored as null.
        raw: item.raw ?? null,
        error: item.error,
        source: ctx.source,
        requestId: ctx.requestId ?? null,
        firstSeenAt: ctx.now,
        lastSeenAt: ctx.now,
      },
    ]),
  );
  await db
    .insert(upstreamQuarantine)
    .values([...rows.values()])
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
  return rows.size;
}

/** Items that parse now (the upstream fixed them, or our contract learned): no longer open. */
export async function resolveParsed(db: Db | Tx, topupIds: readonly string[], now: Date) {
  if (topupIds.length === 0) return;
  await db
    .update(upstreamQuarantine)
    .set({ state: 'resolved', resolvedAt: now, resolution: 'parsed on a later read' })
    .where(
      and(eq(upstreamQuarantine.state, 'open'), inArray(upstreamQuarantine.topupId, [...topupIds])),
    );
}
