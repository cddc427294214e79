import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/client';
import { readState, tryLease, writeState } from '../../db/queries/app-state';
import { BACKUP_SUFFIX, backupDatabase } from './dump';
import { DEFAULT_KEEP, type Keep, toPrune } from './retention';
import { BACKUP_STATE_KEY, type BackupStatus } from './state';

// The daily backup of the embedded database, run by the background jobs: when the last good
// one is a day old (a failed one is tried again after an hour), by one instance at a time (a
// lease), then old files pruned (7 daily, 4 weekly). Sync health shows the last one; a failure
// raises the backup alert (lib/alerts/conditions.ts).

export const BACKUP_EVERY_MS = 24 * 3_600_000;
export const RETRY_AFTER_FAILURE_MS = 3_600_000;
const LEASE_MS = 30 * 60_000;

export type BackupDeps = {
  db: Db;
  /** The database to back up (the desk's runtime role can read every table). */
  url: string;
  dir: string;
  now: Date;
  holder: string;
  keep?: Keep;
  /** Aborts a backup under way (the worker stops): nothing is recorded, the partial file goes. */
  signal?: AbortSignal;
  log?: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
};

export async function backupIfDue(deps: BackupDeps): Promise<'not_due' | 'done' | 'failed'> {
  const { db, now } = deps;
  const last = await readState<BackupStatus>(db, BACKUP_STATE_KEY);
  const since = (iso: string | null | undefined) =>
    iso ? now.getTime() - Date.parse(iso) : Number.POSITIVE_INFINITY;
  if (since(last?.lastOkAt) < BACKUP_EVERY_MS) return 'not_due';
  if (last && !last.ok && since(last.at) < RETRY_AFTER_FAILURE_MS) return 'not_due';
  if (!(await tryLease(db, 'backup', deps.holder, now, LEASE_MS))) return 'not_due';
  return runBackup(deps, last);
}

/** One backup now, recorded for Sync health, then the old ones pruned. */
export async function runBackup(
  deps: BackupDeps,
  last: BackupStatus | null = null,
): Promise<'done' | 'failed'> {
  try {
    const made = await backupDatabase(deps.url, deps.dir, deps.now, deps.signal);
    const removed = await prune(deps.dir, deps.keep ?? DEFAULT_KEEP);
    const status: BackupStatus = {
      at: new Date().toISOString(),
      ok: true,
      error: null,
      lastOkAt: deps.now.toISOString(),
      file: path.basename(made.file),
      bytes: made.bytes,
      durationMs: made.durationMs,
    };
    await writeState(deps.db, BACKUP_STATE_KEY, status);
    deps.log?.info(
      { file: status.file, bytes: made.bytes, rows: made.rows, ms: made.durationMs, removed },
      'backup: done',
    );
    return 'done';
  } catch (error) {
    if (deps.signal?.aborted) return 'failed';
    const message = error instanceof Error ? error.message : String(error);
    await writeState(deps.db, BACKUP_STATE_KEY, {
      at: new Date().toISOString(),
      ok: false,
      error: message,
      lastOkAt: last?.lastOkAt ?? null,
      file: last?.file ?? null,
      bytes: last?.bytes ?? null,
      durationMs: null,
    } satisfies BackupStatus);
    deps.log?.error({ err: error }, 'backup: failed');
    return 'failed';
  }
}

/** Deletes the backups retention no longer keeps; returns their names. */
export async function prune(dir: string, keep: Keep): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(BACKUP_SUFFIX));
  const gone = toPrune(names, keep);
  for (const name of gone) await rm(path.join(dir, name), { force: true });
  return gone;
}
