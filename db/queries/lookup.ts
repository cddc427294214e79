import { asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { topups } from '../schema';

/**
 * An order by upstream id or by ref, as people and shops type them. A ref is not unique:
 * OneClick may retry an order under the same ref. An id match wins, then the original over its
 * retries, then the oldest.
 */
export function idOrRef(key: string): { where: SQL | undefined; orderBy: SQL[] } {
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
