import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: the same query API as Db, bound to one connection. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// timestamptz columns come back as Date; numeric stays a string (pg's default) — never a float.
export function createDb(
  url: string,
  max = 10,
  opts: { applicationName?: string; idleTimeoutMillis?: number } = {},
): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: opts.applicationName ?? 'flexy-desk',
    ...(opts.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: opts.idleTimeoutMillis }),
  });
  // An idle client losing its connection (a server restart) must not crash the process.
  pool.on('error', () => {});
  return { db: drizzle({ client: pool, schema }), pool };
}
