// What the last backup did, as the worker records it in app_state for Sync health and the
// backup alert (lib/alerts/conditions.ts).
export const BACKUP_STATE_KEY = 'backup.last';

export type BackupStatus = {
  /** When the last attempt ended. */
  at: string;
  ok: boolean;
  error: string | null;
  /** The last good backup: its time, file name and size. */
  lastOkAt: string | null;
  file: string | null;
  bytes: number | null;
  durationMs: number | null;
};
