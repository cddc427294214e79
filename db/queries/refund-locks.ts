import { drizzle } from 'drizzle-orm/node-postgres';
import type { PoolClient } from 'pg';
import type { Db } from '../client';
import * as schema from '../schema';

// The refund lock of an order is a session-level Postgres advisory lock on a text key, taken on
// a connection of the refund pool (lib/refunds/lock.ts owns the pool and the waiting). These are
// the statements it runs on that connection.

const LOCK_NOT_AVAILABLE = '55P03'; // lock_timeout expired (advisory locks included)

/** Takes the advisory lock of `key` if it is free right now; true if taken. */
export async function tryAdvisoryLock(client: PoolClient, key: string): Promise<boolean> {
  const tried = await client.query<{ ok: boolean }>(
    'select pg_try_advisory_lock(hashtextextended($1, 0)) as ok',
    [key],
  );
  return Boolean(tried.rows[0]?.ok);
}

/**
 * Waits at most `ms` (> 0: lock_timeout 0 would mean "wait forever") for the advisory lock of
 * `key`; true if taken, false if the wait ran out.
 */
export async function waitAdvisoryLock(
  client: PoolClient,
  key: string,
  ms: number,
): Promise<boolean> {
  // lock_timeout bounds advisory lock waits too (contention.test.ts checks it on PG 18).
  // SET LOCAL ends with the transaction; the session-level lock taken inside it does not.
  await client.query('begin');
  try {
    await client.query(`select set_config('lock_timeout', $1, true)`, [`${ms}ms`]);
    await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback');
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}

/** Releases the advisory lock of `key` held by this connection's session. */
export async function advisoryUnlock(client: PoolClient, key: string): Promise<void> {
  await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]);
}

/** The desk's query API on one connection: the queries of work done under its locks. */
export function dbOnConnection(client: PoolClient): Db {
  return drizzle({ client, schema }) as unknown as Db;
}
