import { asc, eq, or, type SQL, sql } from 'drizzle-orm';
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
