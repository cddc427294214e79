import 'server-only';
import { createDb, type Db } from '../db/client';
import { getConfig } from './config';
import { timePoolQueries } from './perf/pool';

// One pool per process. Kept on globalThis so dev hot reloads do not open a new pool each time.
const holder = globalThis as unknown as { __flexyDb?: Db };

export function getDb(): Db {
  if (!holder.__flexyDb) {
    const url = getConfig().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the desk with `npm start`.');
    const { db, pool } = createDb(url);
    // The Server-Timing header's database figures (lib/perf/server-timing.ts).
    timePoolQueries(pool);
    holder.__flexyDb = db;
  }
  return holder.__flexyDb;
}

export type { Db, Tx } from '../db/client';
