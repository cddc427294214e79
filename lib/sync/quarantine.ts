import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../db/client';
import { recordQuarantined, resolveParsedQuarantined } from '../../db/queries/quarantine';
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
  await recordQuarantined(db, [...rows.values()]);
  return rows.size;
}

/** Items that parse now (the upstream fixed them, or our contract learned): no longer open. */
export async function resolveParsed(db: Db | Tx, topupIds: readonly string[], now: Date) {
  if (topupIds.length === 0) return;
  await resolveParsedQuarantined(db, topupIds, now);
}
