import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { createDb } from './client';

// Migrations are forward-only: a released file never changes (db/upgrade.test.ts pins the first
// release's), and drizzle's migrator applies the pending ones in one transaction, so a failing
// migration leaves the database as it was. Postgres allows every statement we use inside a
// transaction; an enum value added by ALTER TYPE … ADD VALUE cannot be used in that same
// transaction (and a fresh install runs every migration in one), so migrations only add enum
// values and the code uses them.

export const MIGRATIONS_FOLDER = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'drizzle',
);
// Any fixed number: instances starting together take turns instead of racing the DDL.
export const MIGRATION_LOCK = 724_113_001;

type Journal = { entries: { idx: number; tag: string; when: number }[] };

/** The migrations this code knows, oldest first (drizzle/meta/_journal.json). */
export function journal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Applies pending migrations under an advisory lock; a failure's `cause` is Postgres's error. */
export async function runMigrations(url: string, folder = MIGRATIONS_FOLDER): Promise<void> {
  const { db, pool } = createDb(url, 1);
  try {
    await pool.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(db, { migrationsFolder: folder });
  } finally {
    await pool.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await pool.end();
  }
}

/**
 * Applies the first `count` migrations only: the schema an older release had (the upgrade test,
 * and a restore of a backup taken by one). Later, `runMigrations` applies the rest.
 */
export async function migrateTo(url: string, count: number): Promise<void> {
  const all = journal();
  if (count > all.entries.length) throw new Error(`only ${all.entries.length} migrations exist`);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'flexy-migrations-'));
  try {
    const entries = all.entries.slice(0, count);
    for (const entry of entries)
      copyFileSync(
        path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`),
        path.join(folder, `${entry.tag}.sql`),
      );
    const meta = path.join(folder, 'meta');
    mkdirSync(meta);
    writeFileSync(path.join(meta, '_journal.json'), JSON.stringify({ ...all, entries }));
    await runMigrations(url, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
