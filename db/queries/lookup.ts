import { asc, eq, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { ingestQueue, type Topup, topups } from '../schema';
import { preparedPer } from './prepared';

/**
 * An order by upstream id or by ref, as people and shops type them. A ref is not unique:
 * OneClick may retry an order under the same ref. An id match wins, then the original over its
 * retries, then the oldest.
 */
export function idOrRef(key: string | Placeholder): { where: SQL | undefined; orderBy: SQL[] } {
  return {
    where: or(eq(topups.topupId, key), eq(topups.ref, key)),
    orderBy: [
      sql`${topups.topupId} = ${key} desc`,
      sql`${topups.parentPk} is not null`,
      asc(topups.id),
    ],
  };
}

export type KeyMatch = { id: number; topupId: string };

/**
 * Every order a key may name: the one whose upstream id it is (ids are unique), and the orders
 * holding it as their ref, originals first, oldest first. Deciding between them is the
 * caller's rule (lib/api/order-key.ts), since it needs the chains.
 */
export async function ordersByIdOrRef(
  db: Db,
  key: string,
  limit: number,
): Promise<{ byId: KeyMatch | null; byRef: KeyMatch[] }> {
  const { where, orderBy } = idOrRef(key);
  const rows = await db
    .select({ id: topups.id, topupId: topups.topupId })
    .from(topups)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit + 1);
  const byId = rows.find((r) => r.topupId === key) ?? null;
  return { byId, byRef: byId ? [] : rows };
}

/** Whether a phone number has any order (search). */
export async function phoneHasOrders(db: Db, msisdn: string): Promise<boolean> {
  const [row] = await db
    .select({ id: topups.id })
    .from(topups)
    .where(eq(topups.msisdn, msisdn))
    .limit(1);
  return row !== undefined;
}

/** The order an id or ref names, as people type them (search). */
export async function orderIdByIdOrRef(db: Db, key: string) {
  const [order] = await db
    .select({ id: topups.id })
    .from(topups)
    .where(idOrRef(key).where)
    .orderBy(...idOrRef(key).orderBy)
    .limit(1);
  return order?.id ?? null;
}

/** The columns the shop's API shows of an order (lib/api/view.ts shapes them). */
export const topupViewColumns = {
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

export type TopupViewRow = Pick<Topup, keyof typeof topupViewColumns>;

// The shop's API reads these on every call (lib/api/view.ts): prepared, see ./prepared.ts.
const viewById = preparedPer((db) =>
  db
    .select(topupViewColumns)
    .from(topups)
    .where(eq(topups.topupId, sql.placeholder('topupId')))
    .prepare('api_topup_view_by_id'),
);
const viewByKey = preparedPer((db) => {
  const { where, orderBy } = idOrRef(sql.placeholder('key'));
  return db
    .select(topupViewColumns)
    .from(topups)
    .where(where)
    .orderBy(...orderBy)
    .limit(1)
    .prepare('api_topup_view_by_key');
});

export async function topupByTopupId(db: Db | Tx, topupId: string): Promise<TopupViewRow | null> {
  const [row] = await viewById(db).execute({ topupId });
  return row ?? null;
}

export async function topupByIdOrRef(db: Db, key: string): Promise<TopupViewRow | null> {
  const [row] = await viewByKey(db).execute({ key });
  return row ?? null;
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
