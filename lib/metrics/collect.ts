import 'server-only';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/client';
import { TOPUP_STATUSES } from '../../db/enums';
import { countOpenAlerts } from '../../db/queries/alerts';
import { readState } from '../../db/queries/app-state';
import { allBucketCounts } from '../../db/queries/counts';
import {
  type CallTotalsRow,
  oldestDueCheck,
  upstreamCallTotals,
  webhookBacklog,
} from '../../db/queries/metrics';
import { LAST_SUCCESS_KEY } from '../sync/worker-state';

// The desk's own figures, read from Postgres when Prometheus scrapes (a collect() per metric):
// the background worker usually runs in another process, and Postgres is where every process
// leaves what it did. Each read is one small indexed query.

export type MetricsDeps = { db: () => Db; now: () => Date };

type Totals = { calls: number; errors: number; totalMs: number };

/**
 * A call-stats row is final once no process can add to its minute any more: each flushes its
 * counts every 5 s, stamped with the minute the call ended. Ten minutes is a wide margin.
 */
const SETTLE_MS = 10 * 60_000;

/**
 * The upstream call totals per operation since the first row. Settled minutes are summed once
 * per process and kept, so after the first scrape a scrape reads only the last minutes' rows
 * of a table that grows by a few thousand rows a day.
 */
function callTotals(deps: MetricsDeps) {
  const settled = new Map<string, Totals>();
  let settledUpTo: Date | null = null;
  const add = (into: Map<string, Totals>, row: CallTotalsRow) => {
    const sum = into.get(row.operation) ?? { calls: 0, errors: 0, totalMs: 0 };
    into.set(row.operation, {
      calls: sum.calls + row.calls,
      errors: sum.errors + row.errors,
      totalMs: sum.totalMs + row.totalMs,
    });
  };
  const read = async () => {
    const minute = Math.floor((deps.now().getTime() - SETTLE_MS) / 60_000) * 60_000;
    // Never back over minutes already kept (a clock set back would count them twice).
    const cutoff = new Date(Math.max(minute, settledUpTo?.getTime() ?? 0));
    const rows = await upstreamCallTotals(deps.db(), {
      from: settledUpTo,
      settledBefore: cutoff,
    });
    const totals = new Map(settled);
    for (const row of rows) {
      add(totals, row);
      if (row.settled) add(settled, row);
    }
    settledUpTo = cutoff;
    return totals;
  };
  // One read at a time: both counters of a scrape share it, and overlapping scrapes cannot
  // keep the same settled minutes twice.
  return sharedWhileRunning(read);
}

const secondsSince = (now: Date, since: Date | null) =>
  since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0;

/** Registers the desk's metrics on `registry`; each reads its figure from Postgres when scraped. */
export function registerDeskMetrics(registry: Registry, deps: MetricsDeps) {
  const registers = [registry];
  const calls = callTotals(deps);

  new Counter({
    name: 'flexy_upstream_calls_total',
    help: 'Calls to the OneClick API from every process (web and workers), by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    registers,
    async collect() {
      const totals = await calls();
      this.reset();
      for (const [operation, t] of totals) {
        this.inc({ operation, outcome: 'ok' }, t.calls - t.errors);
        this.inc({ operation, outcome: 'error' }, t.errors);
      }
    },
  });

  new Counter({
    name: 'flexy_upstream_call_duration_seconds_total',
    help: 'Time spent in calls to the OneClick API from every process, by operation.',
    labelNames: ['operation'],
    registers,
    async collect() {
      const totals = await calls();
      this.reset();
      for (const [operation, t] of totals) this.inc({ operation }, t.totalMs / 1000);
    },
  });

  new Gauge({
    name: 'flexy_upstream_last_success_age_seconds',
    help: 'Seconds since any process last had an answer from the OneClick API; +Inf: never.',
    registers,
    async collect() {
      const last = await readState<string>(deps.db(), LAST_SUCCESS_KEY);
      const at = last ? new Date(last) : null;
      this.set(at && !Number.isNaN(at.getTime()) ? secondsSince(deps.now(), at) : Infinity);
    },
  });

  new Gauge({
    name: 'flexy_sync_oldest_due_check_age_seconds',
    help: 'How late the oldest due status check is, in seconds; 0: none is due.',
    registers,
    async collect() {
      const now = deps.now();
      this.set(secondsSince(now, await oldestDueCheck(deps.db(), now)));
    },
  });

  const buckets = sharedWhileRunning(() => allBucketCounts(deps.db()));
  new Gauge({
    name: 'flexy_orders',
    help: 'Orders by status (exact counts kept by triggers in topup_counts).',
    labelNames: ['status'],
    registers,
    async collect() {
      const counts = await buckets();
      for (const status of TOPUP_STATUSES) this.set({ status }, counts.get(status) ?? 0);
    },
  });

  new Gauge({
    name: 'flexy_orders_refund_due',
    help: 'Orders OneClick refunded whose customer is not refunded yet (the refunds due queue).',
    registers,
    async collect() {
      this.set((await buckets()).get('refund_due') ?? 0);
    },
  });

  new Gauge({
    name: 'flexy_alerts_open',
    help: 'Alerts open now.',
    registers,
    async collect() {
      this.set(await countOpenAlerts(deps.db()));
    },
  });

  const backlog = sharedWhileRunning(() => webhookBacklog(deps.db()));
  new Gauge({
    name: 'flexy_webhook_backlog',
    help: 'Refund and re-send notices to the shop not delivered yet.',
    registers,
    async collect() {
      this.set((await backlog()).pending);
    },
  });

  new Gauge({
    name: 'flexy_webhook_oldest_undelivered_age_seconds',
    help: 'Seconds since the oldest notice not delivered yet was queued; 0: none waits.',
    registers,
    async collect() {
      this.set(secondsSince(deps.now(), (await backlog()).oldest));
    },
  });
}

/** One read for the metrics of a scrape that share it (prom-client collects them all at once). */
function sharedWhileRunning<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= read().finally(() => {
      running = null;
    });
    return running;
  };
}
