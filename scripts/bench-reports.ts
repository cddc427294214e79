// `npm run bench:reports [-- --orders 1000000 --runs 40]`: how fast the landing page and every
// report chart answer over 90 days when read from the hourly rollups, next to the same figure
// computed live from the raw orders, and whether the two agree exactly. Then a burst of 10,000
// late status changes and the time the rollups take to add them up. The database (embedded
// Postgres in BENCH_REPORTS_DATA_DIR, default DATA_DIR/bench-reports-<orders>, or DATABASE_URL)
// is seeded once; the rollups are rebuilt from scratch on every run.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { createDb, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { pendingChanges } from '../db/queries/rollups';
import type { ReportRange } from '../lib/reports/charts';
import * as rollup from '../lib/reports/charts';
import { landingFigures } from '../lib/reports/landing';
import { parseReportRange } from '../lib/reports/range';
import { rebuildRollups, refreshRollups } from '../lib/reports/rollup';
import { dataDir } from '../lib/runtime/data-dir';
import { type EmbeddedPg, startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { seedOrders } from '../lib/seed/run';
import * as live from '../test/reports-live';
import { printTable, quantile, runBench, seededBenchArgs, timeIt } from './bench-util';

const { orders: TARGET, runs: RUNS } = seededBenchArgs();
const LIVE_RUNS = 5;
const BURST = 10_000;
const TARGET_MS = 150;
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (ms: number) => ms.toFixed(1);
const int = (n: number) => n.toLocaleString('en');

type Figure = { name: string; rollup: () => Promise<unknown>; live: () => Promise<unknown> };
type Charts = Pick<
  typeof rollup,
  'rateSeries' | 'splitBy' | 'heatmap' | 'ttfSeries' | 'unknownSeries' | 'refundSeries'
>;

/** The figures under test: the landing page and every chart the reports page draws. */
function figures(db: Db, now: Date): Figure[] {
  // The reports page's "90 d" and "7 d" presets, read by the page's own parser.
  const preset = (range: '90d' | '7d', g: ReportRange['granularity']): ReportRange => {
    const r = parseReportRange({ range, g }, now);
    return { from: r.from, to: r.to, granularity: r.granularity };
  };
  const d90 = preset('90d', 'day');
  const h7 = preset('7d', 'hour');
  // The live module answers the same calls as the rollup one.
  const chart = (name: string, q: (m: Charts) => Promise<unknown>): Figure => ({
    name,
    rollup: () => q(rollup),
    live: () => q(live),
  });
  const landing = async () => {
    const f = await landingFigures(db, now);
    return { today: f.today, yesterday: f.yesterday, week: f.week };
  };
  return [
    {
      name: 'landing page (rates compared)',
      rollup: landing,
      live: () => live.landingRates(db, now),
    },
    chart('rate series, 90 d by day', (m) => m.rateSeries(db, d90)),
    chart('rate series, 7 d by hour', (m) => m.rateSeries(db, h7)),
    chart('operator split, 90 d', (m) => m.splitBy(db, d90, 'operator')),
    chart('plan split, 90 d', (m) => m.splitBy(db, d90, 'plan')),
    chart('heatmap operator × hour, 90 d', (m) => m.heatmap(db, d90)),
    chart('time to final p50/p95, 90 d', (m) => m.ttfSeries(db, d90)),
    chart('UNKNOWN_ERROR series, 90 d', (m) => m.unknownSeries(db, d90)),
    chart('refund series, 90 d', (m) => m.refundSeries(db, d90)),
  ];
}

const show = (x: unknown) =>
  JSON.stringify(x, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));

/** How many points differ (a missing or extra point counts), and the first that does. */
function compare(
  a: unknown,
  b: unknown,
): { points: number; mismatches: number; first: string | null } {
  const xs = Array.isArray(a) ? a : [a];
  const ys = Array.isArray(b) ? b : [b];
  let mismatches = 0;
  let first: string | null = null;
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    if (isDeepStrictEqual(xs[i], ys[i])) continue;
    mismatches++;
    first ??= `point ${i} of ${xs.length} (live: ${ys.length}): rollup ${show(xs[i])} ≠ live ${show(ys[i])}`;
  }
  return { points: xs.length, mismatches, first };
}

/** timeIt, keeping what the last run returned. */
async function timed(task: () => Promise<unknown>, runs: number, warmup?: number) {
  let last: unknown;
  const times = await timeIt(
    async () => {
      last = await task();
    },
    runs,
    warmup,
  );
  return { times, last };
}

/** Runs refreshRollups (the worker's budget) until the change log is empty; returns the time. */
async function catchUp(db: Db) {
  const started = performance.now();
  const added = { topups: 0, refunds: 0, calls: 0 };
  for (;;) {
    const r = await refreshRollups(db);
    added.calls++;
    added.topups += r.topupChanges;
    added.refunds += r.refundChanges;
    if (r.topupChanges + r.refundChanges === 0) break;
  }
  const ms = performance.now() - started;
  const left = await pendingChanges(db);
  if (left !== 0) throw new Error(`${left} changes still logged after catching up`);
  return { ms, ...added };
}

async function scalar(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const res = await db.execute<{ n: number | string }>(query);
  return Number(res.rows[0]?.n ?? 0);
}

/** Every figure once from each side; returns the mismatching points, noting the first ones. */
async function recheck(list: Figure[], firsts: string[]) {
  let mismatches = 0;
  for (const f of list) {
    const c = compare(await f.rollup(), await f.live());
    mismatches += c.mismatches;
    if (c.first) firsts.push(`after catch-up, ${f.name}: ${c.first}`);
  }
  return mismatches;
}

async function run(db: Db, pool: ReturnType<typeof createDb>['pool']) {
  const countOrders = () =>
    scalar(db, sql`select coalesce(sum(n), 0) as n from topup_counts where bucket <> 'refund_due'`);
  const have = await countOrders();
  if (have < TARGET) {
    say(`seeding ${int(TARGET - have)} orders over 180 days (have ${int(have)})…`);
    const every = Math.max(200_000, Math.round(TARGET / 20 / 50_000) * 50_000);
    const seeded = await seedOrders(
      pool,
      { orders: TARGET - have, days: 180, seed: 20_260_101, batch: 50_000 },
      (p) => {
        if (p.done % every === 0 || p.done === p.total)
          say(`  ${int(p.done)} / ${int(p.total)}  (${(p.elapsedMs / 1000).toFixed(0)} s)`);
      },
    );
    say(`seeded in ${(seeded.elapsedMs / 1000).toFixed(0)} s; vacuum analyze…`);
    await pool.query('vacuum (analyze) topups, topup_events, refunds');
  }
  const orders = await countOrders();

  // Initial build: every order and refund added into emptied rollups (what the seed logged too).
  say('\nbuilding the rollups from scratch…');
  const started = performance.now();
  await rebuildRollups(db);
  const buildMs = performance.now() - started;
  await pool.query(
    'vacuum (analyze) topup_hourly, ttf_hourly, refund_hourly, topup_changes, refund_changes',
  );
  const rollupRows = await scalar(db, sql`select count(*)::int as n from topup_hourly`);
  say(`  in ${fmt(buildMs / 1000)} s (topup_hourly: ${int(rollupRows)} rows)`);

  const now = new Date();
  const list = figures(db, now);
  // Every rollup figure first, as the app runs them: the live scans (gigabytes at 10M) would
  // otherwise push the small rollup tables out of the caches between one figure and the next.
  say(`\ntiming ${list.length} figures from the rollups, ${RUNS} runs each…`);
  const fromRollup: { times: number[]; last: unknown }[] = [];
  for (const f of list) fromRollup.push(await timed(f.rollup, RUNS));
  say(`timing the same figures live, ${LIVE_RUNS} runs each…`);
  const table: string[][] = [];
  let mismatches = 0;
  const firsts: string[] = [];
  for (const [i, f] of list.entries()) {
    const fromLive = await timed(f.live, LIVE_RUNS, 1);
    const [rt, lt] = [fromRollup[i]?.times ?? [], fromLive.times];
    const c = compare(fromRollup[i]?.last, fromLive.last);
    mismatches += c.mismatches;
    if (c.first) firsts.push(`${f.name}: ${c.first}`);
    const cells = [quantile(rt, 0.5), quantile(rt, 0.95), quantile(lt, 0.5), quantile(lt, 0.95)];
    table.push([f.name, ...cells.map(fmt), fmt(quantile(lt, 0.5) / quantile(rt, 0.5))]);
    table[i]?.push(String(c.points), String(c.mismatches));
  }
  const p95s = fromRollup.map((r) => quantile(r.times, 0.95));

  // The burst: 10,000 settled orders, anywhere in the 180 days, refunded late in one transaction.
  say(`\ncatch-up: ${int(BURST)} FULFILLED orders → REFUNDED in one transaction…`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update topups t set status = 'REFUNDED', status_changed_at = now(),
        finalized_at = coalesce(t.finalized_at, t.upstream_created_at) + make_interval(secs => 30 + 7170 * random())
      from (select id from topups where status = 'FULFILLED' order by random() limit ${BURST}) pick
      where t.id = pick.id`);
  });
  const logged = await pendingChanges(db);
  const burst = await catchUp(db);
  say(`  ${int(logged)} changes logged; re-checking every figure against live…`);
  const after = await recheck(list, firsts);

  const worst = Math.max(...p95s);
  say(
    `\nbench:reports — ${int(orders)} orders over 180 days; 90-day charts by day (rate series also 7 days by hour); ` +
      `rollup: ${RUNS} runs after 3 warm-ups; live: ${LIVE_RUNS} runs after 1 (a live 90-day GROUP BY is slow, 5 are enough)\n`,
  );
  printTable(
    [
      'figure',
      'rollup p50 ms',
      'rollup p95 ms',
      'live p50 ms',
      'live p95 ms',
      'live/rollup',
      'points',
      'mismatches',
    ],
    table,
    say,
  );
  for (const line of firsts) say(`MISMATCH ${line}`);
  say(`\ninitial rollup build: ${fmt(buildMs / 1000)} s from every order and refund`);
  say(
    `catch-up after ${int(BURST)} status changes: ${fmt(burst.ms / 1000)} s for ${int(burst.topups)} order changes + ${int(burst.refunds)} refund changes (${int(logged)} logged, ${burst.calls} calls); mismatches after: ${after}`,
  );
  say(
    `target p95 < ${TARGET_MS} ms for the landing page and every chart: ${worst < TARGET_MS ? 'met' : 'MISSED'} (worst ${fmt(worst)} ms)`,
  );
  say(
    `RESULT orders=${orders} p95_ms_max=${fmt(worst)} catchup_s=${fmt(burst.ms / 1000)} mismatches=${mismatches + after}`,
  );
}

async function main() {
  const dir = process.env.BENCH_REPORTS_DATA_DIR ?? path.join(dataDir(), `bench-reports-${TARGET}`);
  let pgServer: EmbeddedPg | null = null;
  const stop = async () => {
    const server = pgServer;
    pgServer = null;
    await server?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stderr.write(`bench:reports: ${signal}, stopping Postgres…\n`);
      // Its connections drop while it stops: nothing left to report but the stop itself.
      process.on('uncaughtException', () => {});
      void stop().finally(() => process.exit(130));
    });
  try {
    if (!process.env.DATABASE_URL) {
      say(`database: embedded Postgres in ${dir}`);
      pgServer = await startEmbeddedPostgres({ dataDir: dir, database: 'flexy_bench' });
    }
    const url = process.env.DATABASE_URL ?? pgServer?.url ?? '';
    await runMigrations(url);
    const { db, pool } = createDb(url, 8);
    try {
      await run(db, pool);
    } finally {
      await pool.end();
    }
  } finally {
    await stop();
  }
}

runBench('bench:reports', main);
