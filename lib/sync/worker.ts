import { hostname } from 'node:os';
import type { Db } from '../../db/client';
import { backoffDelay, POLICIES } from '../backoff';
import type { Logger } from '../log';
import type { OneClickClient } from '../oneclick/client';
import { isOneClickError } from '../oneclick/errors';
import { drainDeliveries, type WebhookConfig } from '../refunds/webhook';
import { refreshRollups } from '../reports/rollup';
import { deleteState, writeState } from './app-state';
import { createEngine, type EngineOptions } from './engine';
import { drainIngestQueue } from './ingest-queue';
import { fetchLinkedOrders } from './linked';
import { backfillStep, incrementalSync } from './list-sync';
import { BALANCE_KEY, type DutyBackoff, dutiesKey, KEY_INFO_KEY, PING_KEY } from './worker-state';

// The background engine's loop: a status tick every second, plus the slower duties (history
// backfill, the incremental list window, the ingest queue, ping/validate for the health
// panel). One per process; any number of processes share the work through Postgres.

type WorkerOptions = {
  db: Db;
  client: OneClickClient;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => number;
  tickMs?: number;
  engine?: Partial<EngineOptions>;
  /** Where refunds are announced (REFUND_WEBHOOK_URL); the worker drains that outbox. */
  webhook?: WebhookConfig | null;
  /** Told after every tick whether upstream work was skipped, and why (metrics, tests). */
  onTick?: (tick: { paused: 'credentials' | null }) => void;
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
  const last = {
    incremental: 0,
    ping: 0,
    validate: 0,
    ingest: 0,
    linked: 0,
    webhooks: 0,
    rollups: 0,
    summary: 0,
  };
  let paused = false;
  let stopped = false;
  const totals = { listCalls: 0, checked: 0, errors: 0 };

  const every = (key: keyof typeof last, ms: number) => {
    if (now() - last[key] < ms) return false;
    last[key] = now();
    return true;
  };

  // A duty that fails waits (full jitter, capped) before it runs again, instead of hitting the
  // same wall every tick; Sync health shows which duty is backing off and why.
  const backoffs = new Map<string, DutyBackoff>();
  async function duty(name: string, task: () => Promise<unknown>) {
    const current = backoffs.get(name);
    if (current && now() < Date.parse(current.retryAt)) return;
    try {
      await task();
      if (current) {
        backoffs.delete(name);
        await publishBackoffs();
      }
    } catch (error) {
      const failures = (current?.failures ?? 0) + 1;
      const retryAfterMs = isOneClickError(error) ? error.retryAfterMs : undefined;
      const wait = backoffDelay(failures, POLICIES.duty, { retryAfterMs });
      backoffs.set(name, {
        failures,
        error: describeError(error),
        retryAt: new Date(now() + wait).toISOString(),
      });
      log.warn(
        { err: error, duty: name, workerId: id, failures, waitMs: wait },
        `sync: ${name} failed`,
      );
      await publishBackoffs().catch(() => {});
    }
  }

  async function publishBackoffs() {
    await writeState(db, dutiesKey(id), Object.fromEntries(backoffs));
  }

  async function tickOnce() {
    // Refund notifications go to the merchant's system, not OneClick: never paused with it.
    const webhook = opts.webhook;
    if (webhook && every('webhooks', 2_000))
      await duty('refund webhooks', () =>
        drainDeliveries({ db, config: webhook, now: () => new Date(now()), workerId: id }),
      );
    // Report rollups come from our own rows: kept fresh even while OneClick is paused.
    if (every('rollups', 5_000)) await duty('report rollups', () => refreshRollups(db));
    // The key's standing is shared (lib/sync/credentials.ts): a key refused by any instance,
    // or an IP the upstream blocks, stops this one too, across restarts.
    const standing = await client.refreshState();
    if (standing.credentialsRejected || standing.blockedUntil !== null) {
      if (!paused) log.error({ workerId: id, ...standing }, 'sync: upstream calls are stopped');
      paused = true;
      return 'credentials';
    }
    paused = false;
    const report = await engine.tick();
    totals.listCalls += report.listCalls;
    totals.checked += report.checked;
    totals.errors += report.errors;
    if (every('incremental', 60_000))
      await duty('incremental list sync', () => incrementalSync(deps));
    if (every('ingest', 5_000))
      await duty('ingest queue', () =>
        drainIngestQueue({ db, client, now: new Date(now()), workerId: id, limit: 25 }),
      );
    if (every('linked', 5_000)) await duty('linked orders', () => fetchLinkedOrders(deps));
    if (every('ping', 60_000)) await duty('ping', ping);
    if (every('validate', 3_600_000)) await duty('validate', validate);
    await duty('backfill', backfill);
    if (every('summary', 60_000)) log.info({ workerId: id, ...totals }, 'sync: last minute');
    return null;
  }

  /** History pages for up to ~1.5 s per tick, so polling is never starved. */
  async function backfill() {
    const started = now();
    while (now() - started < 1_500 && !stopped) {
      const state = await backfillStep(deps);
      if (!state || state.status === 'done') return;
      log.info(
        { page: state.nextPage - 1, totalPages: state.totalPages, imported: state.imported },
        'sync: backfill progress',
      );
    }
  }

  async function ping() {
    try {
      const balance = await client.balance();
      await writeState(db, BALANCE_KEY, {
        at: new Date(now()).toISOString(),
        balance: balance.data.balance,
      });
    } catch {
      // The ping below records what is wrong with the upstream.
    }
    try {
      const res = await client.ping();
      await writeState(db, PING_KEY, {
        at: new Date(now()).toISOString(),
        ok: res.data.api === 'ok',
        operators: res.data.operators,
        error: null,
      });
    } catch (error) {
      await writeState(db, PING_KEY, {
        at: new Date(now()).toISOString(),
        ok: false,
        operators: {},
        error: describeError(error),
      });
    }
  }

  async function validate() {
    const res = await client.validate();
    await writeState(db, KEY_INFO_KEY, {
      type: res.data.apiKey.type,
      scope: res.data.apiKey.scope ?? null,
      username: res.data.username,
      enabled: res.data.apiKey.isEnabled,
    });
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

  return {
    id,
    async stop() {
      stopped = true;
      await loop;
      await engine.releaseAll();
      await deleteState(db, dutiesKey(id));
      log.info({ workerId: id }, 'sync: worker stopped');
    },
  };
}

function describeError(error: unknown) {
  if (isOneClickError(error)) return `${error.kind}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
