import type { Db } from '../../db/client';
import { orderIdByIdOrRef, phoneHasOrders } from '../../db/queries/lookup';
import { normalizeMsisdn } from '../phone';

// The global search box: a phone number in any common form finds that number's top-ups; a
// ref or a top-up id finds the order. Exact matches only, each on a unique or indexed column.
// The box itself sends a phone straight to its list (./search-target.ts); this is the lookup for
// everything else, and for a search that found nothing there.

export type SearchResult =
  | { kind: 'order'; id: number }
  | { kind: 'phone'; msisdn: string }
  | { kind: 'none' };

export async function resolveSearch(db: Db, query: string): Promise<SearchResult> {
  const q = query.trim().slice(0, 128);
  if (!q) return { kind: 'none' };
  const msisdn = normalizeMsisdn(q);
  if (msisdn && (await phoneHasOrders(db, msisdn))) return { kind: 'phone', msisdn };
  const id = await orderIdByIdOrRef(db, q);
  return id !== null ? { kind: 'order', id } : { kind: 'none' };
}
