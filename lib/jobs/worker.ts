import { hostname } from 'node:os';
import type { Db } from '../../db/client';
import { releaseLeases } from '../../db/queries/app-state';
import type { AlertsConfig } from '../alerts/deps';
import { evaluateAlerts } from '../alerts/evaluate';
import { drainNotices } from '../alerts/send';
import { backupIfDue } from '../backup/schedule';
import { queueDigests } from '../digests/schedule';
import type { Logger } from '../log';
import type { OneClickClient } from '../oneclick/client';
import { drainDeliveries, type WebhookConfig } from '../refunds/webhook';
import { refreshRollups } from '../reports/rollup';
import { settleResends } from '../resends/service';
import { createEngine, type EngineOptions } from '../sync/engine';
import { drainIngestQueue } from '../sync/ingest-queue';
import { fetchLinkedOrders } from '../sync/linked';
import { backfillStep, incrementalSync } from '../sync/list-sync';
import { pingUpstream, validateKey } from '../sync/probe';
import { createDuties } from './duties';

// The one place that decides when background work runs: a status tick every second, plus the
// slower duties (alerts, morning digests and their messages, refund webhooks, report rollups, history backfill, the incremental list
// window, the ingest queue, linked orders, re-sends in doubt, ping/validate for the health
// panel). Each domain
// only does one unit of its work when asked. One worker per process; any number of processes
// share the work through Postgres (db/queries/claim.ts).

type WorkerOptions = {
  db: Db;
  client: OneClickClient;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => number;
  tickMs?: number;
  engine?: Partial<EngineOptions>;
  /** Where refunds are announced (REFUND_WEBHOOK_URL); the worker drains that outbox. */
  webhook?: WebhookConfig | null;
  /** Alerts: evaluated here and their messages sent (lib/alerts); none when absent. */
  alerts?: AlertsConfig | null;
  /** Daily backups of the embedded database (lib/backup); none when absent. */
  backup?: { url: string; dir: string } | null;
  /** True while a restore runs (lib/runtime/maintenance.ts): the worker then does nothing. */
  paused?: () => boolean;
  /** Told after every tick whether upstream work was skipped, and why (metrics, tests). */
  onTick?: (tick: { paused: 'credentials' | 'maintenance' | null }) => void;
};

export function workerId() {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 6)}`;
}

export function startWorker(opts: WorkerOptions) {
  const now = opts.now ?? Date.now;
  const id = workerId();
  const { db, client, log } = opts;
  const engine = createEngine({ db, client, now, workerId: id, ...opts.engine });
  const deps = { db, client, engine, now, workerId: id };
  const duties = createDuties({ db, workerId: id, now, log, halted: () => stopped });
  /** Stops a backup under way when the worker stops (its partial file goes, nothing recorded). */
  const stopping = new AbortController();
  let paused = false;
  let rollupsBehind = false;
  let stopped = false;
  const totals = { listCalls: 0, checked: 0, errors: 0 };

  const startedAt = new Date(now());

  /**
   * Alerts, digests and their messages, in a loop of their own: a slow SMTP server or alert
   * webhook never holds up the status checks, and the alerts speak while OneClick is paused.
   */
  async function alertTick() {
    const alerts = opts.alerts;
    if (alerts && !opts.paused?.()) {
      await duties.every('alerts', 15_000, () =>
        evaluateAlerts({
          db,
          now: new Date(now()),
          keyFingerprint: alerts.keyFingerprint,
          startedAt,
          smtpConfigured: alerts.mailer !== null,
          deskUrl: alerts.deskUrl,
          log,
        }),
      );
      await duties.every('digests', 60_000, () =>
        queueDigests({
          db,
          now: new Date(now()),
          smtpConfigured: alerts.mailer !== null,
          deskUrl: alerts.deskUrl,
        }),
      );
      await duties.every('alert notices', 2_000, () =>
        drainNotices({
          db,
          now: () => new Date(now()),
          workerId: id,
          mailer: alerts.mailer,
          from: alerts.from,
        }),
      );
    }
  }

  async function tickOnce() {
    if (opts.paused?.()) return 'maintenance';
    // Refund notifications go to the merchant's system, not OneClick: never paused with it.
    const webhook = opts.webhook;
    if (webhook)
      await duties.every('refund webhooks', 2_000, () =>
        drainDeliveries({ db, config: webhook, now: () => new Date(now()), workerId: id }),
      );
    // Report rollups come from our own rows: kept fresh even while OneClick is paused. While
    // hours wait beyond one refresh (a history import), every tick takes the next batch.
    await duties.every('report rollups', rollupsBehind ? 0 : 5_000, async () => {
      rollupsBehind = (await refreshRollups(db)).more;
    });
    // The key's standing is shared (lib/sync/credentials.ts): a key refused by any instance,
    // or an IP the upstream blocks, stops this one too, across restarts.
    const standing = await client.refreshState();
    if (standing.credentialsRejected || standing.blockedUntil !== null) {
      if (!paused) log.error({ workerId: id, ...standing }, 'sync: upstream calls are stopped');
      paused = true;
      return 'credentials';
    }
    paused = false;
    // Asked to stop (SIGTERM): the batch under way finishes, no new one is claimed.
    if (stopped) return null;
    const report = await engine.tick();
    totals.listCalls += report.listCalls;
    totals.checked += report.checked;
    totals.errors += report.errors;
    await duties.every('incremental list sync', 60_000, () => incrementalSync(deps));
    await duties.every('ingest queue', 5_000, () =>
      drainIngestQueue({ db, client, now: new Date(now()), workerId: id, limit: 25 }),
    );
    await duties.every('linked orders', 5_000, () => fetchLinkedOrders(deps));
    // Re-sends whose answer was lost are settled by their ref, never sent again.
    await duties.every('re-sends in doubt', 10_000, () =>
      settleResends({ db, client, now: () => new Date(now()), webhookConfigured: !!opts.webhook }),
    );
    await duties.every('ping', 60_000, () => pingUpstream(deps));
    await duties.every('validate', 3_600_000, () => validateKey(deps));
    await duties.run('backfill', backfill);
    if (duties.due('summary', 60_000)) log.info({ workerId: id, ...totals }, 'sync: last minute');
    return null;
  }

  let backfillRunning = false;
  /** History pages for up to ~1.5 s per tick, so polling is never starved. */
  async function backfill() {
    const started = now();
    while (now() - started < 1_500 && !stopped) {
      const state = await backfillStep(deps);
      if (!state) return;
      const progress = {
        page: state.nextPage - 1,
        totalPages: state.totalPages,
        imported: state.imported,
      };
      if (state.status === 'done') {
        if (backfillRunning) log.info(progress, 'sync: backfill done');
        backfillRunning = false;
        return;
      }
      backfillRunning = true;
      // Hundreds of pages on a first start: a line every few seconds is enough.
      if (duties.due('backfill progress', 5_000)) log.info(progress, 'sync: backfill progress');
    }
  }

  const loop = (async () => {
    log.info({ workerId: id }, 'sync: worker started');
    while (!stopped) {
      const started = now();
      try {
        const paused = await tickOnce();
        opts.onTick?.({ paused });
      } catch (error) {
        log.error({ err: error, workerId: id }, 'sync: tick failed');
      }
      const wait = Math.max(50, (opts.tickMs ?? 1_000) - (now() - started));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();

  /** The daily backup, in a loop of its own: a dump of a big database takes a while. */
  const backupLoop = (async () => {
    const backup = opts.backup;
    if (!backup) return;
    while (!stopped) {
      if (!opts.paused?.())
        await backupIfDue({
          db,
          ...backup,
          now: new Date(now()),
          holder: id,
          log,
          signal: stopping.signal,
        }).catch((error: unknown) =>
          log.error({ err: error, workerId: id }, 'backup: check failed'),
        );
      // Checked every minute; stopping does not wait for the minute to pass.
      for (let waited = 0; waited < 60_000 && !stopped; waited += 250)
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();

  const alertLoop = (async () => {
    if (!opts.alerts) return;
    while (!stopped) {
      try {
        await alertTick();
      } catch (error) {
        log.error({ err: error, workerId: id }, 'alerts: tick failed');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, opts.tickMs ?? 1_000)));
    }
  })();

  return {
    id,
    async stop() {
      stopped = true;
      stopping.abort();
      await Promise.all([loop, alertLoop, backupLoop]);
      await engine.releaseAll();
      // The backfill lease above all: another instance carries the import on at once.
      await releaseLeases(db, id);
      await duties.clear();
      log.info({ workerId: id }, 'sync: worker stopped');
    },
  };
}
