import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { createDb } from './client';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'drizzle');
// Any fixed number: instances starting together take turns instead of racing the DDL.
export const MIGRATION_LOCK = 724_113_001;

/** Applies pending migrations under an advisory lock; errors keep Postgres's own message. */
export async function runMigrations(url: string): Promise<void> {
  const { db, pool } = createDb(url, 1);
  try {
    await pool.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(db, { migrationsFolder });
  } finally {
    await pool.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await pool.end();
  }
}
