import { eq, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { idOrRef } from '../../db/queries/lookup';
import { ingestQueue, type Topup, topups } from '../../db/schema';

// What the shop sees of a top-up: our truth about it, with upstream and our own times. Only
// these columns are read; leases, error counters and review flags stay internal.

export const viewColumns = {
  topupId: topups.topupId,
  ref: topups.ref,
  status: topups.status,
  planCode: topups.planCode,
  operator: topups.operator,
  msisdn: topups.msisdn,
  topupAmount: topups.topupAmount,
  balanceAmount: topups.balanceAmount,
  customerRef: topups.customerRef,
  customerPrice: topups.customerPrice,
  refundMessage: topups.refundMessage,
  suggestedOffers: topups.suggestedOffers,
  upstreamCreatedAt: topups.upstreamCreatedAt,
  firstSeenAt: topups.firstSeenAt,
  statusChangedAt: topups.statusChangedAt,
  finalizedAt: topups.finalizedAt,
  nextCheckAt: topups.nextCheckAt,
};

type ViewRow = Pick<Topup, keyof typeof viewColumns>;

export type TopupView = ReturnType<typeof toView>;

/** Amounts stay decimal strings (numeric → string); times become ISO 8601 in UTC. */
export function toView(row: ViewRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    topupId: row.topupId,
    ref: row.ref,
    status: row.status,
    planCode: row.planCode,
    operator: row.operator,
    msisdn: row.msisdn,
    topupAmount: row.topupAmount,
    balanceAmount: row.balanceAmount,
    customerRef: row.customerRef,
    customerPrice: row.customerPrice,
    refundMessage: row.refundMessage,
    suggestedOffers: row.suggestedOffers ?? [],
    createdAt: row.upstreamCreatedAt.toISOString(),
    firstSeenAt: row.firstSeenAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    finalizedAt: iso(row.finalizedAt),
    nextCheckAt: iso(row.nextCheckAt),
  };
}

export async function viewByTopupId(db: Db | Tx, topupId: string) {
  const [row] = await db.select(viewColumns).from(topups).where(eq(topups.topupId, topupId));
  return row ? toView(row) : null;
}

/** By upstream id or by ref; an id match wins if one key is both (ids and refs may collide). */
export async function viewByIdOrRef(db: Db, key: string) {
  const [row] = await db
    .select(viewColumns)
    .from(topups)
    .where(idOrRef(key).where)
    .orderBy(...idOrRef(key).orderBy)
    .limit(1);
  return row ? toView(row) : null;
}

/** A registration still waiting for the upstream to confirm it, by id or ref. */
export async function queuedByIdOrRef(db: Db, key: string) {
  const [row] = await db
    .select({ topupId: ingestQueue.topupId })
    .from(ingestQueue)
    .where(or(eq(ingestQueue.topupId, key), eq(ingestQueue.ref, key)))
    .limit(1);
  return row ?? null;
}
