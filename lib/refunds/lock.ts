import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../db/client';
import * as schema from '../../db/schema';

/**
 * Runs `work` while holding the refund lock of one order (a Postgres advisory lock, so it holds
 * across app instances). Concurrent refund attempts for the order queue here; the first does
 * the live check and the insert, the others then find the refund and say who made it.
 * Everything runs on the one connection that holds the lock, so a crowd of waiters can never
 * starve the holder of a pool connection.
 */
export async function withRefundLock<T>(
  db: Db,
  topupPk: number,
  work: (locked: Db) => Promise<T>,
): Promise<T> {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  const key = `refund:${topupPk}`;
  try {
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
    try {
      return await work(drizzle({ client, schema }) as unknown as Db);
    } finally {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    }
  } finally {
    client.release();
  }
}
