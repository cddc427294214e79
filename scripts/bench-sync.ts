// `npm run bench:sync`: our sync engine against the docs' polling loop, on the same timeline,
// at the base volume (500 orders over 5 minutes) and at `--scale` times it (default 10: 5,000
// orders over the same 5 minutes), each on a fresh Postgres and emulator.
//
// Workload: scripts/bench-sync-workload.ts. Both sides face the same emulator (real HTTP) on one
// simulated clock. The engine runs in its own process (scripts/bench-sync-worker.ts), as
// `npm run worker` does, ticking once per simulated second; its CPU is that process's own
// (engine, upstream client, Postgres client), and Postgres' CPU is read from /proc. One worker
// process serves every volume, after a one-minute warm-up that is not counted. The docs'
// loop polls each order with check-id every 5 s from creation until a stop status (FULFILLED,
// REFUNDED, UNKNOWN_ERROR), at most 60 tries. Detection lag = the time our row (or the loop)
// shows the stop status minus the time the upstream reached it.
//
// Flags: --scale N (1: base only) · --minutes M (a shorter arrival window for quick runs, same
// rates; reported figures are the 5-minute ones) · --cpu-prof (the worker's .cpuprofile in
// .data/bench-sync-prof).
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { createDb, type Db } from '../db/client';
import type { TopupStatus } from '../db/enums';
import { runMigrations } from '../db/migrate';
import { topups } from '../db/schema';
import { topupSchema } from '../lib/oneclick/schemas';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import type { TimelineStep } from '../lib/sandbox';
import { observe } from '../lib/sync/observe';
import { startSyncHarness } from '../test/sync-harness';
import {
  type FromWorker,
  type ToWorker,
  WORKER_APP_NAME,
  type WorkerReport,
} from './bench-sync-worker';
import { BASE_ORDERS_PER_MINUTE, type Planned, workload } from './bench-sync-workload';
import { clusterCpuMs, procStat, quantile, runBench } from './bench-util';

const STEP_MS = 250;
const WARMUP_MS = 60_000;
const TICK_MS = 1_000;
const STOP: ReadonlySet<TopupStatus> = new Set(['FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR']);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    minutes: { type: 'string', default: '5' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale);
const WINDOW_MS = Number(args.minutes) * 60_000;
if (!(SCALE >= 1) || !(WINDOW_MS > 0)) throw new Error('--scale must be ≥ 1 and --minutes > 0');

type Volume = {
  scale: number;
  windowMs: number;
  orders: number;
  mix: string;
  simulatedMin: number;
  wallS: number;
  ours: { list: number; check: number };
  docs: { list: number; check: number };
  settled: number;
  docsSettled: number;
  lag: number[];
  docsLag: number[];
  worker: WorkerReport;
  /** CPU of the worker's own Postgres connections. */
  workerPgMs: number;
  /** CPU of the whole cluster: worker, ingest, the bench's reads, background processes. */
  pgMs: number;
  load: number;
};

/** The worker process and a one-question-at-a-time channel to it. */
function startWorker() {
  const profile = args['cpu-prof']
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('.data/bench-sync-prof')}`]
    : [];
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'bench-sync-worker.ts'), [], {
    execArgv: ['--conditions=react-server', '--import', 'tsx', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let waiting: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  child.on('message', (msg: FromWorker) => {
    const w = waiting;
    waiting = null;
    if (msg.type === 'error') w?.reject(new Error(`worker: ${msg.message}`));
    else w?.resolve(msg);
  });
  child.on('exit', (code) => waiting?.reject(new Error(`worker exited (${code})`)));
  return {
    ask: (msg: ToWorker) =>
      new Promise<FromWorker>((resolve, reject) => {
        waiting = { resolve, reject };
        child.send(msg);
      }),
    async exit() {
      const exited = once(child, 'exit');
      child.send({ type: 'exit' } satisfies ToWorker);
      await exited;
    },
  };
}

async function workerBackendsCpuMs(db: Db): Promise<number> {
  const rows = await db.execute<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = '${WORKER_APP_NAME}'`,
  );
  return rows.rows.reduce((sum, r) => sum + (procStat(r.pid)?.ownMs ?? 0), 0);
}

type Worker = ReturnType<typeof startWorker>;

async function runVolume(worker: Worker, scale: number, windowMs: number): Promise<Volume> {
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'flexy-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir, ephemeral: true, port: 0 });
  const postmaster = Number(
    readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  await runMigrations(pg.url);
  const { db, pool } = createDb(pg.url, 4);
  const h = await startSyncHarness({
    unknownErrorResolution: { afterMs: 6 * 3600_000, outcome: 'REFUNDED' },
  });
  const docs = { list: 0, check: 0 };
  const docsClient = h.makeClient((i) => (i.operation === 'list' ? docs.list++ : docs.check++));
  const t0 = h.clock.now();
  await worker.ask({
    type: 'init',
    url: pg.url,
    baseUrl: h.sandbox.url,
    apiKey: h.sandbox.apiKey,
    nowMs: t0,
  });
  const pgStart = clusterCpuMs(postmaster);

  const plan = workload(Math.round((BASE_ORDERS_PER_MINUTE * scale * windowMs) / 60_000), windowMs);
  type Live = Planned & {
    id: string;
    reachedAt: number;
    stop: TopupStatus;
    docsTries: number;
    docsNextAt: number;
    docsSeenAt: number | null;
  };
  const live: Live[] = [];
  const unsettled = new Map<string, Live>();
  let nextArrival = 0;
  let lastTick = Number.NEGATIVE_INFINITY;

  const docsPoll = async (order: Live) => {
    order.docsTries++;
    order.docsNextAt += 5_000;
    try {
      const res = await docsClient.checkId(order.id);
      if (STOP.has(res.data.status)) order.docsSeenAt = h.clock.now();
    } catch {
      // The docs' loop just polls again 5 s later.
    }
  };
  /** Whether our rows and the docs' loop both show every order's stop status. */
  async function allSettled() {
    if (unsettled.size > 0) {
      const rows = await db
        .select({ id: topups.topupId, status: topups.status })
        .from(topups)
        .where(inArray(topups.topupId, [...unsettled.keys()]));
      for (const r of rows) if (unsettled.get(r.id)?.stop === r.status) unsettled.delete(r.id);
    }
    return unsettled.size === 0 && live.every((o) => o.docsSeenAt !== null || o.docsTries >= 60);
  }

  for (let now = t0; now <= t0 + windowMs + 10 * 60_000; now = h.clock.advance(STEP_MS)) {
    while (nextArrival < plan.length && (plan[nextArrival]?.arrivalMs ?? 0) + t0 <= now) {
      const p = plan[nextArrival++] as Planned;
      const view = h.sandbox.controls.createTopup({
        msisdn: p.msisdn,
        planCode: 'PREPAID_DJEZZY',
        amount: 500,
        createdAt: now,
        timeline: p.timeline,
      });
      const last = p.timeline.at(-1) as TimelineStep;
      const order: Live = {
        ...p,
        id: view._id,
        reachedAt: now + last.atMs,
        stop: last.status,
        docsTries: 0,
        docsNextAt: now + 5_000,
        docsSeenAt: null,
      };
      live.push(order);
      unsettled.set(order.id, order);
      // The shop registers it right after its send (ingest, in the web process): no upstream
      // call on either side, and not the worker's CPU.
      await observe(db, {
        topup: topupSchema.parse(JSON.parse(JSON.stringify(view))),
        source: 'ingest',
        actor: { name: 'bench' },
        now: new Date(now),
      });
    }
    await Promise.all(
      live
        .filter((o) => o.docsSeenAt === null && o.docsTries < 60 && o.docsNextAt <= now)
        .map(docsPoll),
    );
    if (now - lastTick >= TICK_MS) {
      lastTick = now;
      await worker.ask({ type: 'tick', nowMs: now });
      if (nextArrival === plan.length && now > t0 + windowMs && (await allSettled())) break;
    }
  }

  const reply = await worker.ask({ type: 'report' });
  if (reply.type !== 'report') throw new Error(`worker answered ${reply.type}`);
  const workerPgMs = await workerBackendsCpuMs(db);
  const rows = new Map(
    (
      await db
        .select({ id: topups.topupId, status: topups.status, changedAt: topups.statusChangedAt })
        .from(topups)
        .where(
          inArray(
            topups.topupId,
            live.map((o) => o.id),
          ),
        )
    ).map((r) => [r.id, r]),
  );
  const pgMs = clusterCpuMs(postmaster) - pgStart;
  const simulatedMin = (h.clock.now() - t0) / 60_000;
  await h.close();
  await pool.end();
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const oursSettled = live.filter((o) => rows.get(o.id)?.status === o.stop);
  const docsSettled = live.filter((o) => o.docsSeenAt !== null);
  return {
    scale,
    windowMs,
    orders: live.length,
    mix: ['FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR', 'slow']
      .map((k) => `${k} ${live.filter((o) => o.kind === k).length}`)
      .join(', '),
    simulatedMin,
    wallS: (Date.now() - started) / 1000,
    ours: reply.report.calls,
    docs,
    settled: oursSettled.length,
    docsSettled: docsSettled.length,
    lag: oursSettled.map((o) => ((rows.get(o.id)?.changedAt.getTime() ?? 0) - o.reachedAt) / 1000),
    docsLag: docsSettled.map((o) => ((o.docsSeenAt ?? 0) - o.reachedAt) / 1000),
    worker: reply.report,
    workerPgMs,
    pgMs,
    load: os.loadavg()[0] ?? Number.NaN,
  };
}

const calls = (v: Volume) => v.ours.list + v.ours.check;
const perOrder = (n: number, v: Volume) => (v.settled ? n / v.settled : Number.NaN);
const callsPerOrder = (v: Volume) => perOrder(calls(v), v);
const cpuPerOrder = (v: Volume) => perOrder(v.worker.cpuMs, v);
const p95 = (v: Volume) => quantile(v.lag, 0.95);

function report(volumes: Volume[]) {
  const label = (v: Volume) => (v.scale === 1 ? `base (${v.orders})` : `${v.scale}× (${v.orders})`);
  const [base, scaled] = [volumes[0] as Volume, volumes.at(-1) as Volume];
  const ratioCol = volumes.length > 1;
  const rows: [string, (v: Volume) => number | string, number?][] = [
    ['upstream calls (list + check-id)', calls],
    ['  list calls', (v) => v.ours.list],
    ['  check-id calls', (v) => v.ours.check],
    ['calls per settled order', callsPerOrder, 3],
    ['  docs loop, per settled order', (v) => v.docs.check / v.docsSettled, 2],
    ['  flexy / docs loop', (v) => callsPerOrder(v) / (v.docs.check / v.docsSettled), 3],
    ['worker CPU-ms per settled order', cpuPerOrder, 2],
    ['  worker CPU-ms in all', (v) => v.worker.cpuMs, 0],
    ['  of which in engine ticks', (v) => v.worker.ticks.reduce((s, t) => s + t.cpuMs, 0), 0],
    ['  a tick with no upstream call (median)', (v) => idleTickCpu(v), 2],
    ['  Postgres statements per settled order', (v) => perOrder(v.worker.queries, v), 1],
    ['  list items read per settled order', (v) => perOrder(v.worker.listItems, v), 1],
    ['worker tick p95 / max (ms, wall)', (v) => tickSpread(v)],
    ['Postgres CPU-ms per settled order', (v) => perOrder(v.pgMs, v), 2],
    ['  of it the worker connections', (v) => perOrder(v.workerPgMs, v), 2],
    ['p50 detection lag (s)', (v) => quantile(v.lag, 0.5), 2],
    ['p95 detection lag (s)', p95, 2],
    ['max detection lag (s)', (v) => Math.max(...v.lag), 2],
    ['  docs loop p95 (s)', (v) => quantile(v.docsLag, 0.95), 2],
    ['settled', (v) => `${v.settled}/${v.orders}`],
    ['load average (1 min) at the end', (v) => v.load, 2],
  ];
  const show = (x: number | string, digits = 0) => (typeof x === 'number' ? x.toFixed(digits) : x);
  const out: string[] = [];
  for (const v of volumes)
    out.push(
      `${label(v)}: ${v.orders} orders over ${v.windowMs / 60_000} min (${v.mix}); simulated ${v.simulatedMin.toFixed(1)} min in ${v.wallS.toFixed(1)} s`,
    );
  out.push('');
  const head = ['', ...volumes.map(label), ...(ratioCol ? ['ratio'] : [])];
  const width = [38, 16, 16, 10];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(width[0] ?? 0) : c.padStart(width[i] ?? 12))).join('');
  out.push(line(head));
  for (const [name, get, digits] of rows) {
    const cells = volumes.map((v) => show(get(v), digits));
    const [a, b] = [get(base), get(scaled)];
    const ratio =
      ratioCol && typeof a === 'number' && typeof b === 'number' ? (b / a).toFixed(2) : '';
    out.push(line([name, ...cells, ...(ratioCol ? [ratio] : [])]));
  }
  out.push('');
  for (const v of volumes)
    out.push(
      `VOLUME scale=${v.scale} orders=${v.orders} calls_per_order=${callsPerOrder(v).toFixed(3)} cpu_ms_per_order=${cpuPerOrder(v).toFixed(2)} p95_lag_s=${p95(v).toFixed(2)} settled=${v.settled}/${v.orders}`,
    );
  out.push(
    `RESULT calls_per_order_ratio=${(callsPerOrder(scaled) / callsPerOrder(base)).toFixed(2)} cpu_per_order_ratio=${(cpuPerOrder(scaled) / cpuPerOrder(base)).toFixed(2)} p95_lag_s=${p95(scaled).toFixed(2)} settled=${scaled.settled}/${scaled.orders}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

function idleTickCpu(v: Volume) {
  return quantile(
    v.worker.ticks.filter((t) => t.idle).map((t) => t.cpuMs),
    0.5,
  );
}

function tickSpread(v: Volume) {
  const wall = v.worker.ticks.map((t) => t.wallMs);
  return `${quantile(wall, 0.95).toFixed(0)} / ${Math.max(...wall).toFixed(0)}`;
}

async function main() {
  const load = os.loadavg().map((l) => l.toFixed(2));
  process.stdout.write(`load average before: ${load.join(' ')}\n`);
  const worker = startWorker();
  // Not counted: the worker's code gets compiled and warm, as in a worker that runs for days.
  const warm = await runVolume(worker, 1, WARMUP_MS);
  process.stdout.write(
    `warm-up (not counted): ${warm.orders} orders over ${WARMUP_MS / 60_000} min in ${warm.wallS.toFixed(1)} s\n`,
  );
  const volumes = [await runVolume(worker, 1, WINDOW_MS)];
  if (SCALE !== 1) volumes.push(await runVolume(worker, SCALE, WINDOW_MS));
  await worker.exit();
  report(volumes);
}

runBench('bench:sync', main);
