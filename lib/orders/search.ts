import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idOrRef } from '../../db/queries/lookup';
import { topups } from '../../db/schema';
import { normalizeMsisdn } from '../phone';

// The global search box: a phone number in any common form finds that number's top-ups; a
// ref or a top-up id finds the order. Exact matches only, each on a unique or indexed column.

export type SearchResult =
  | { kind: 'order'; id: number }
  | { kind: 'phone'; msisdn: string; count: number }
  | { kind: 'none' };

export async function resolveSearch(db: Db, query: string): Promise<SearchResult> {
  const q = query.trim().slice(0, 128);
  if (!q) return { kind: 'none' };
  const msisdn = normalizeMsisdn(q);
  if (msisdn) {
    const [row] = await db.select({ n: count() }).from(topups).where(eq(topups.msisdn, msisdn));
    const n = row?.n ?? 0;
    if (n === 1) {
      const [only] = await db
        .select({ id: topups.id })
        .from(topups)
        .where(eq(topups.msisdn, msisdn));
      if (only) return { kind: 'order', id: only.id };
    }
    if (n > 0) return { kind: 'phone', msisdn, count: n };
  }
  const [order] = await db
    .select({ id: topups.id })
    .from(topups)
    .where(idOrRef(q).where)
    .orderBy(...idOrRef(q).orderBy)
    .limit(1);
  return order ? { kind: 'order', id: order.id } : { kind: 'none' };
}
