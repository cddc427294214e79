import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A flag file in the data folder while a restore runs: the desk's own background workers see
// it at every tick and pause (they claim nothing, write nothing), and go on once it is gone.

export const maintenanceFile = (dir: string) => path.join(dir, 'maintenance.json');

/**
 * True while a live process holds the flag. A flag left by a restore that was killed (its
 * process gone) is stale: it is removed, and the workers go on.
 */
export function underMaintenance(dir: string): boolean {
  let pid: number;
  try {
    pid = Number((JSON.parse(readFileSync(maintenanceFile(dir), 'utf8')) as { pid?: unknown }).pid);
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    rmSync(maintenanceFile(dir), { force: true });
    return false;
  }
}

/** Runs `work` with the flag set, and removes it however `work` ends. */
export async function withMaintenance<T>(dir: string, reason: string, work: () => Promise<T>) {
  writeFileSync(
    maintenanceFile(dir),
    JSON.stringify({ reason, pid: process.pid, since: new Date().toISOString() }),
  );
  try {
    return await work();
  } finally {
    rmSync(maintenanceFile(dir), { force: true });
  }
}
