import path from 'node:path';
import { getConfig } from '../config';

/** Where this process backs the database up, or null: only the launcher's embedded Postgres. */
export function backupConfig(): { url: string; dir: string } | null {
  const config = getConfig();
  if (config.FLEXY_EMBEDDED_DB !== '1' || !config.DATABASE_URL) return null;
  return { url: config.DATABASE_URL, dir: backupDir() };
}

/** BACKUP_DIR, else <DATA_DIR>/backups, as an absolute path. */
export function backupDir(): string {
  const config = getConfig();
  return path.resolve(config.BACKUP_DIR ?? path.join(config.DATA_DIR, 'backups'));
}
