import type { Db } from '../../db/client';
import { ordersByIdOrRef } from '../../db/queries/lookup';
import { rootOf } from '../sync/chain';

// Which order an `{idOrRef}` names when the shop asks for something to be done to it. An exact
// upstream id wins. Else the ref: the orders of one chain (an original and OneClick's retries
// and follow-ups) are one sale, so they name its original; orders of two chains sharing a ref
// are two sales, and guessing one of them could refund the wrong customer.

/** More orders than this under one ref is not a retry chain; stop looking. */
const MAX_REF_MATCHES = 20;

export type OrderKey =
  | { kind: 'order'; id: number }
  | { kind: 'none' }
  | { kind: 'ambiguous'; topupIds: string[] };

export async function resolveOrderKey(db: Db, key: string): Promise<OrderKey> {
  const { byId, byRef } = await ordersByIdOrRef(db, key, MAX_REF_MATCHES);
  if (byId) return { kind: 'order', id: byId.id };
  // Rows come originals first, so the first match of each chain is the one to act on.
  const chains = new Map<number, { id: number; topupId: string }>();
  for (const match of byRef) {
    const root = await rootOf(db, match.id);
    if (!chains.has(root)) chains.set(root, match);
  }
  const [first, ...others] = [...chains.values()];
  if (!first) return { kind: 'none' };
  if (others.length > 0 || byRef.length > MAX_REF_MATCHES)
    return { kind: 'ambiguous', topupIds: [first, ...others].map((m) => m.topupId) };
  return { kind: 'order', id: first.id };
}
