import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../db/client';
import * as schema from '../db/schema';
import { ensureDatabase } from '../lib/runtime/embedded-postgres';

export type TestDb = { db: Db; pool: pg.Pool; url: string; close: () => Promise<void> };

/** A fresh, migrated database for one test file: a clone of the run's template. */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl');
  const name = `flexy_test_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name, inject('pgTemplate'));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = createDb(url.toString(), 20);
  return { db, pool, url: url.toString(), close: () => pool.end() };
}

/**
 * Another handle on the same database that records the text of every statement it sends: what
 * a request costs in round trips, observed on the real Postgres rather than mocked.
 */
export function recordingDb(pool: pg.Pool): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const db = drizzle({
    client: pool,
    schema,
    logger: { logQuery: (query) => statements.push(query) },
  });
  return { db, statements };
}
