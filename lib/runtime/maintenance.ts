import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A flag file in the data folder while a restore runs: the desk's own background workers see
// it at every tick and pause (they claim nothing, write nothing), and go on once it is gone.

export const maintenanceFile = (dir: string) => path.join(dir, 'maintenance.json');

export function underMaintenance(dir: string): boolean {
  return existsSync(maintenanceFile(dir));
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
