import type { Db } from '../../db/client';
import { orderIdByIdOrRef, ordersOfPhone } from '../../db/queries/lookup';
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
    const phone = await ordersOfPhone(db, msisdn);
    if (phone.only !== null) return { kind: 'order', id: phone.only };
    if (phone.count > 0) return { kind: 'phone', msisdn, count: phone.count };
  }
  const id = await orderIdByIdOrRef(db, q);
  return id !== null ? { kind: 'order', id } : { kind: 'none' };
}
