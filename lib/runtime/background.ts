import 'server-only';
import { getConfig } from '../config';
import { getDb } from '../db';
import { log } from '../log';
import { onDrain } from './lifecycle.js';
import { watchParent } from './parent-watch';

// Process-level duties of a web server: the background worker (lib/jobs, unless WORKER=off) and,
// when started by scripts/start.ts, a watch on the launcher.
const holder = globalThis as unknown as { __flexyBackground?: boolean };

export async function startBackground() {
  // Dev hot reload re-runs module code; the guard keeps this to once per process.
  if (holder.__flexyBackground) return;
  holder.__flexyBackground = true;
  watchParent(() => {
    log.error('launcher process is gone; stopping');
    process.exit(1);
  });
  const config = getConfig();
  if (config.WORKER === 'off') {
    log.info('WORKER=off: this instance serves the desk only');
    return;
  }
  if (!config.ONECLICK_API_KEY || !config.DATABASE_URL) return;
  const { getUpstream } = await import('../sync/upstream');
  const { startWorker } = await import('../jobs/worker');
  const { webhookConfig } = await import('../refunds/deps');
  const { alertsConfig } = await import('../alerts/deps');
  const { backupConfig } = await import('../backup/deps');
  const { underMaintenance } = await import('../runtime/maintenance');
  const worker = startWorker({
    db: getDb(),
    client: getUpstream().background,
    log,
    webhook: webhookConfig(),
    alerts: alertsConfig(),
    backup: backupConfig(),
    paused: () => underMaintenance(config.DATA_DIR),
    tickMs: config.WORKER_TICK_MS,
  });
  // SIGTERM (scripts/serve.mjs): stop claiming, finish the batch, hand every lease back.
  onDrain(async () => {
    await worker.stop();
    // This process's last upstream call counts (Sync health, the stall alert).
    await getUpstream()
      .metrics.publish(getDb())
      .catch(() => {});
  });
}
