import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';
import { readChain, rootOf } from '../sync/chain';

/**
 * Runs `work` while holding the refund locks of some orders (Postgres advisory locks, so they
 * hold across app instances), taken in id order so two callers never deadlock. Concurrent
 * refund attempts queue here; the first does the live check and the insert, the others then
 * find the refund and say who made it. Everything runs on the one connection that holds the
 * locks, so a crowd of waiters can never starve the holder of a pool connection.
 */
export async function withRefundLock<T>(
  db: Db,
  topupPks: readonly number[],
  work: (locked: Db) => Promise<T>,
): Promise<T> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  const keys = [...new Set(topupPks)].sort((a, b) => a - b).map((pk) => `refund:${pk}`);
  const taken: string[] = [];
  try {
    for (const key of keys) {
      await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
      taken.push(key);
    }
    return await work(drizzle({ client, schema }) as unknown as Db);
  } finally {
    for (const key of taken.reverse())
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    client.release();
  }
}

export type LockedChain = { root: number; members: number[] };

/** The original of an order and every linked order we hold, in id order. */
export async function chainOf(db: Db, topupPk: number): Promise<LockedChain> {
  const root = await rootOf(db, topupPk);
  const chain = await readChain(db, root);
  const members = [root, ...(chain?.linked.map((m) => m.id) ?? [])].sort((a, b) => a - b);
  return { root, members };
}

export const CHAIN_CHANGED = Symbol('the chain changed while it was locked');

/**
 * Runs `work` holding the refund locks of a whole chain: the customer paid once for an order
 * and OneClick's retries or follow-ups of it, so they are decided as one. The live checks inside
 * `work` may reveal a link we did not hold (a retry seen before its original named it); `work`
 * then returns CHAIN_CHANGED and runs again with every member locked.
 */
export async function withChainLock<T>(
  db: Db,
  topupPk: number,
  work: (locked: Db, chain: LockedChain) => Promise<T | typeof CHAIN_CHANGED>,
): Promise<T> {
  for (let round = 0; round < 5; round++) {
    const chain = await chainOf(db, topupPk);
    const result = await withRefundLock(db, chain.members, (locked) => work(locked, chain));
    if (result !== CHAIN_CHANGED) return result;
  }
  throw new Error(`the chain of top-up ${topupPk} kept changing; try again`);
}

export function sameChain(a: LockedChain, b: LockedChain) {
  return a.root === b.root && a.members.join(',') === b.members.join(',');
}
