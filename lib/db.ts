import 'server-only';
import { createDb, type Db } from '../db/client';
import { getConfig } from './config';
import { timePoolQueries } from './perf/pool';

// One pool per process for the desk, and one for the shop's API. Kept on globalThis so dev hot
// reloads do not open new pools each time.
const holder = globalThis as unknown as { __flexyDb?: Db; __flexyApiDb?: Db };

/**
 * Connections of the shop's API, per process. Its calls queue for these, never for the desk's;
 * and at most this many of its queries run at once. When the event loop is busy, a query's
 * answer waits for the loop, the connection stays taken longer and fewer shop calls proceed:
 * the shop slows down before the people using the desk do (`npm run bench:api`: 4 connections
 * let more calls through, and staff pages waited about half again as long).
 */
export const API_DB_CONNECTIONS = 2;

function databaseUrl(): string {
  const url = getConfig().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the desk with `npm start`.');
  return url;
}

/** A pool whose statements show in the Server-Timing header (lib/perf/server-timing.ts). */
function timedDb(url: string, connections?: number): Db {
  const { db, pool } = createDb(url, connections);
  timePoolQueries(pool);
  return db;
}

export function getDb(): Db {
  holder.__flexyDb ??= timedDb(databaseUrl());
  return holder.__flexyDb;
}

/** The shop's API's pool (lib/api/deps.ts). */
export function getApiDb(): Db {
  holder.__flexyApiDb ??= timedDb(databaseUrl(), API_DB_CONNECTIONS);
  return holder.__flexyApiDb;
}

export type { Db, Tx } from '../db/client';
