// `npm run db:backup`: a backup of the embedded database now, into BACKUP_DIR (default
// .data/backups), pruned like the daily ones (7 daily, 4 weekly). Works with the desk running
// or not. With DATABASE_URL set, the database's own service makes the backups: this says so.
import path from 'node:path';
import { createDb } from '../db/client';
import { readState } from '../db/queries/app-state';
import { appliedMigrationCount } from '../db/queries/migrations';
import { backupDir } from '../lib/backup/deps';
import { runBackup } from '../lib/backup/schedule';
import { BACKUP_STATE_KEY, type BackupStatus } from '../lib/backup/state';
import { ConfigError, getConfig } from '../lib/config';
import { resolveDatabase } from '../lib/runtime/database';

const say = (line: string) => process.stdout.write(`[flexy] ${line}\n`);

try {
  const config = getConfig();
  if (config.DATABASE_URL) {
    process.stderr.write(
      'DATABASE_URL is set: that database is backed up by its own service (snapshots, ' +
        'point-in-time recovery). Flexy Desk backs up only the embedded Postgres it runs itself.\n',
    );
    process.exit(2);
  }
  // The embedded server's own start-up lines are not this command's output.
  const database = await resolveDatabase(() => {});
  const { db, pool } = createDb(database.url, 2);
  try {
    if ((await appliedMigrationCount(db)) === 0)
      throw new Error('the database has no Flexy Desk tables yet: start the desk once first');
    const dir = backupDir();
    const outcome = await runBackup({ db, url: database.url, dir, now: new Date(), holder: 'cli' });
    const status = await readState<BackupStatus>(db, BACKUP_STATE_KEY);
    if (outcome === 'failed') throw new Error(`backup failed: ${status?.error ?? 'unknown error'}`);
    say(
      `backup written: ${path.join(dir, status?.file ?? '')} ` +
        `(${((status?.bytes ?? 0) / 1_048_576).toFixed(1)} MiB in ${((status?.durationMs ?? 0) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await pool.end();
    await database.stop();
  }
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
