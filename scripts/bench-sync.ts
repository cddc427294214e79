// `npm run bench:sync`: our sync engine against the docs' polling loop, on the same timeline.
//
// Workload (fixed seed): 500 orders arriving over 5 minutes (Poisson), PENDING 2–15 s then
// HANDLING 3–8 s, outcomes ~90 % FULFILLED, 5 % REFUNDED, 3 % UNKNOWN_ERROR, 2 % slow (1–5 min).
// Both face the same emulator (real HTTP) on one simulated clock; the engine writes to a real
// Postgres. The docs' loop polls each order with check-id every 5 s from creation until a stop
// status (FULFILLED, REFUNDED, UNKNOWN_ERROR), at most 60 tries. Detection lag = the time our row
// (or the loop) shows the stop status minus the time the upstream reached it.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { createDb } from '../db/client';
import type { TopupStatus } from '../db/enums';
import { runMigrations } from '../db/migrate';
import { topups } from '../db/schema';
import { topupSchema } from '../lib/oneclick/schemas';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import type { TimelineStep } from '../lib/sandbox';
import { createEngine } from '../lib/sync/engine';
import { observe } from '../lib/sync/observe';
import { startSyncHarness } from '../test/sync-harness';
import { quantile, runBench } from './bench-util';

const ORDERS = 500;
const ARRIVAL_WINDOW_MS = 5 * 60_000;
const STEP_MS = 250;
const TICK_MS = 1_000;
const STOP: ReadonlySet<TopupStatus> = new Set(['FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR']);

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Planned = { arrivalMs: number; timeline: TimelineStep[]; kind: string; msisdn: string };

function workload(): Planned[] {
  const rand = mulberry32(20261127);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const orders: Planned[] = [];
  let t = 0;
  while (orders.length < ORDERS) {
    t += -Math.log(1 - rand()) * (ARRIVAL_WINDOW_MS / ORDERS);
    const pending = between(2_000, 15_000);
    const handling = between(3_000, 8_000);
    const roll = rand();
    const kind =
      roll < 0.9 ? 'FULFILLED' : roll < 0.95 ? 'REFUNDED' : roll < 0.98 ? 'UNKNOWN_ERROR' : 'slow';
    const finalAt = kind === 'slow' ? between(60_000, 300_000) : pending + handling;
    const final: TopupStatus = kind === 'slow' ? 'FULFILLED' : (kind as TopupStatus);
    const timeline: TimelineStep[] = [
      { status: 'PENDING', atMs: 0 },
      { status: 'HANDLING', atMs: Math.round(pending) },
      { status: final, atMs: Math.round(finalAt) },
    ];
    const msisdn = `07${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    orders.push({ arrivalMs: Math.min(Math.round(t), ARRIVAL_WINDOW_MS), timeline, kind, msisdn });
  }
  return orders;
}

async function main() {
  const started = Date.now();
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: mkdtempSync(path.join(os.tmpdir(), 'flexy-bench-')),
        ephemeral: true,
        port: 0,
      });
  const url = process.env.DATABASE_URL ?? pg?.url ?? '';
  await runMigrations(url);
  const { db, pool } = createDb(url, 10);
  const h = await startSyncHarness({
    unknownErrorResolution: { afterMs: 6 * 3600_000, outcome: 'REFUNDED' },
  });
  const counts = { ours: { list: 0, check: 0 }, docs: { list: 0, check: 0 } };
  const ourClient = h.makeClient((i) =>
    i.operation === 'list' ? counts.ours.list++ : counts.ours.check++,
  );
  const docsClient = h.makeClient((i) =>
    i.operation === 'list' ? counts.docs.list++ : counts.docs.check++,
  );
  const engine = createEngine({ db, client: ourClient, now: h.clock.now, workerId: 'bench' });
  const t0 = h.clock.now();

  const plan = workload();
  type Live = Planned & {
    id: string;
    createdAt: number;
    reachedAt: number;
    stop: TopupStatus;
    docsTries: number;
    docsNextAt: number;
    docsSeenAt: number | null;
  };
  const live: Live[] = [];
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

  for (let now = t0; now <= t0 + 15 * 60_000; now = h.clock.advance(STEP_MS)) {
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
      live.push({
        ...p,
        id: view._id,
        createdAt: now,
        reachedAt: now + last.atMs,
        stop: last.status,
        docsTries: 0,
        docsNextAt: now + 5_000,
        docsSeenAt: null,
      });
      // The shop registers it right after its send (ingest): no upstream call on either side.
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
      await engine.tick();
    }
    if (nextArrival === plan.length && now > t0 + ARRIVAL_WINDOW_MS && (await allSettled())) break;
  }

  async function ours() {
    const rows = await db
      .select({ id: topups.topupId, status: topups.status, changedAt: topups.statusChangedAt })
      .from(topups)
      .where(
        inArray(
          topups.topupId,
          live.map((o) => o.id),
        ),
      );
    return new Map(rows.map((r) => [r.id, r]));
  }
  async function allSettled() {
    const rows = await ours();
    return live.every(
      (o) => rows.get(o.id)?.status === o.stop && (o.docsSeenAt !== null || o.docsTries >= 60),
    );
  }

  const rows = await ours();
  const oursSettled = live.filter((o) => rows.get(o.id)?.status === o.stop);
  const docsSettled = live.filter((o) => o.docsSeenAt !== null);
  const ourLag = oursSettled.map(
    (o) => ((rows.get(o.id)?.changedAt.getTime() ?? 0) - o.reachedAt) / 1000,
  );
  const docsLag = docsSettled.map((o) => ((o.docsSeenAt ?? 0) - o.reachedAt) / 1000);
  const oursCalls = counts.ours.list + counts.ours.check;
  const docsCalls = counts.docs.list + counts.docs.check;
  const perOrder = (calls: number, settled: number) => (settled ? calls / settled : Number.NaN);
  const ratio = perOrder(oursCalls, oursSettled.length) / perOrder(docsCalls, docsSettled.length);
  const f = (n: number, d = 2) => n.toFixed(d).padStart(12);
  const mix = ['FULFILLED', 'REFUNDED', 'UNKNOWN_ERROR', 'slow']
    .map((k) => `${k} ${live.filter((o) => o.kind === k).length}`)
    .join(', ');

  const out = [
    `workload: ${live.length} orders over ${ARRIVAL_WINDOW_MS / 60_000} min (${mix}); simulated ${((h.clock.now() - t0) / 60_000).toFixed(1)} min in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    '',
    `${''.padEnd(34)}${'docs loop'.padStart(12)}${'flexy'.padStart(12)}`,
    `${'upstream calls (list + check-id)'.padEnd(34)}${String(docsCalls).padStart(12)}${String(oursCalls).padStart(12)}`,
    `${'  list calls'.padEnd(34)}${String(counts.docs.list).padStart(12)}${String(counts.ours.list).padStart(12)}`,
    `${'  check-id calls'.padEnd(34)}${String(counts.docs.check).padStart(12)}${String(counts.ours.check).padStart(12)}`,
    `${'calls per settled order'.padEnd(34)}${f(perOrder(docsCalls, docsSettled.length))}${f(perOrder(oursCalls, oursSettled.length))}`,
    `${'p50 detection lag (s)'.padEnd(34)}${f(quantile(docsLag, 0.5))}${f(quantile(ourLag, 0.5))}`,
    `${'p95 detection lag (s)'.padEnd(34)}${f(quantile(docsLag, 0.95))}${f(quantile(ourLag, 0.95))}`,
    `${'max detection lag (s)'.padEnd(34)}${f(Math.max(...docsLag))}${f(Math.max(...ourLag))}`,
    `${'settled'.padEnd(34)}${`${docsSettled.length}/${live.length}`.padStart(12)}${`${oursSettled.length}/${live.length}`.padStart(12)}`,
    '',
    `calls ratio (flexy / docs loop, per settled order): ${ratio.toFixed(3)}`,
    `RESULT calls_ratio=${ratio.toFixed(3)} p95_lag_s=${quantile(ourLag, 0.95).toFixed(2)} settled=${oursSettled.length}/${live.length}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await h.close();
  await pool.end();
  await pg?.stop();
}

runBench('bench:sync', main);
