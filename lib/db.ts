import 'server-only';
import { createDb, type Db } from '../db/client';
import { getConfig } from './config';

// One pool per process. Kept on globalThis so dev hot reloads do not open a new pool each time.
const holder = globalThis as unknown as { __flexyDb?: Db };

export function getDb(): Db {
  if (!holder.__flexyDb) {
    const url = getConfig().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the desk with `npm start`.');
    holder.__flexyDb = createDb(url).db;
  }
  return holder.__flexyDb;
}

export type { Db, Tx } from '../db/client';
