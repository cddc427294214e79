// `npm run bench:desk [-- --orders 1000000]`: how fast the desk's busiest pages answer on a
// seeded database. It seeds (once; the database is kept in DATA_DIR/bench), starts the
// production build against it, signs in, and times each page over HTTP (p50/p95 over --runs
// rounds that open every page once), next to the same queries' raw SQL time and the floor (a
// signed-in page with no query, in the same rounds), the naive OFFSET/COUNT(*) deep page, and the
// query plans (EXPLAIN ANALYZE) of every statement the pages run.
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { runMigrations } from '../db/migrate';
import { getOrder, listEvents } from '../db/queries/order-detail';
import { encodeCursor } from '../db/queries/orders-cursor';
import { countOrders, listOrders, tabCounts } from '../db/queries/orders-list';
import { refundView } from '../db/queries/refunds';
import { listUnknownQueue } from '../db/queries/unknown';
import * as schema from '../db/schema';
import { DEFAULT_FILTERS } from '../lib/orders/filter-query';
import { type OrderFilters, orderQuery } from '../lib/orders/filters';
import { resolveSearch } from '../lib/orders/search';
import { searchHref } from '../lib/orders/search-target';
import { dataDir } from '../lib/runtime/data-dir';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { seededRandom } from '../lib/sandbox/random';
import { seedOrders } from '../lib/seed/run';
import { type BenchServer, signIn, startBenchServer } from './bench-server';
import { printTable, quantile, runBench, seededBenchArgs, shuffled, timeIt } from './bench-util';

// 300 rounds (about a minute): a p95 of 40 samples is the second-slowest request, and a 10 ms
// page's p95 from 100 samples still swings by half from run to run on a shared 2-core machine.
const { orders: TARGET, runs: RUNS } = seededBenchArgs(1_000_000, 300);
const PORT = 3390;
const BASE = `http://127.0.0.1:${PORT}`;
const PHONE_TYPED = '+213 778 03 73 40';
const PHONE = '0778037340';
const DEEP_ROWS = 1000 * 50; // page 1000 at 50 rows a page
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const dir = process.env.BENCH_DATA_DIR ?? path.join(dataDir(), 'bench');
  const pgServer = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: dir, database: 'flexy_bench' });
  const url = process.env.DATABASE_URL ?? pgServer?.url ?? '';
  let server: BenchServer | undefined;
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // Stopping the embedded Postgres ends idle connections: not an error of the bench.
  pool.on('error', () => {});
  try {
    await runMigrations(url);
    const { rows } = await pool.query<{ n: string }>(
      `select coalesce(sum(n), 0) as n from topup_counts where bucket <> 'refund_due'`,
    );
    const have = Number(rows[0]?.n ?? 0);
    if (have < TARGET) {
      say(
        `seeding ${(TARGET - have).toLocaleString('en')} orders (have ${have.toLocaleString('en')})…`,
      );
      await seedOrders(
        pool,
        { orders: TARGET - have, days: 180, seed: 20_260_101, batch: 50_000 },
        (p) => {
          if (p.done % 200_000 === 0 || p.done === p.total)
            say(`  ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')}`);
        },
      );
      await pool.query('vacuum (analyze) topups, topup_events, refunds');
    }
    const orders = Number(
      (
        await pool.query<{ n: string }>(
          `select coalesce(sum(n), 0) as n from topup_counts where bucket <> 'refund_due'`,
        )
      ).rows[0]?.n ?? 0,
    );

    const captured: { sql: string; params: unknown[] }[] = [];
    let capturing = false;
    const db = drizzle({
      client: pool,
      schema,
      logger: { logQuery: (sql, params) => capturing && captured.push({ sql, params }) },
    });

    // The views under test, built from the data itself.
    const deepRow = (
      await pool.query<{ at: Date; id: string }>(
        `select upstream_created_at as at, id from topups where status = 'FULFILLED' order by upstream_created_at desc nulls last, id desc nulls last offset $1 limit 1`,
        [DEEP_ROWS - 1],
      )
    ).rows[0];
    if (!deepRow) throw new Error('not enough FULFILLED orders for a deep page');
    const deepCursor = encodeCursor({ value: deepRow.at.toISOString(), id: Number(deepRow.id) });
    const refRow = (
      await pool.query<{ ref: string }>(
        `select ref from topups where ref is not null and status = 'REFUNDED' order by id desc limit 1`,
      )
    ).rows[0];
    const ref = refRow?.ref ?? '';
    // What the search box opens (lib/orders/search-target.ts), each in one request.
    const phoneList = searchHref(PHONE_TYPED);
    const refPage = searchHref(ref);
    if (!phoneList?.startsWith('/orders?phone=') || !refPage?.startsWith('/orders/find?'))
      throw new Error(`the search box would not open ${PHONE_TYPED} or ${ref} as timed here`);
    const page1: OrderFilters = { ...DEFAULT_FILTERS, tab: 'FULFILLED' };
    const deep: OrderFilters = { ...page1, after: deepCursor };

    const listView = (f: OrderFilters) => {
      const q = orderQuery(f);
      return Promise.all([listOrders(db, q), countOrders(db, q), tabCounts(db)]);
    };
    const sqlScenarios: Record<string, () => Promise<unknown>> = {
      'orders page 1 (status filter)': () => listView(page1),
      'orders deep page (page 1000)': () => listView(deep),
      // The search box opens the number's list itself (lib/orders/search-target.ts).
      'phone search': () => listView({ ...DEFAULT_FILTERS, phone: PHONE }),
      'ref search': async () => {
        const found = await resolveSearch(db, ref);
        if (found.kind !== 'order') throw new Error('ref search found nothing');
        return Promise.all([
          getOrder(db, found.id),
          listEvents(db, found.id),
          refundView(db, found.id),
        ]);
      },
      'UNKNOWN_ERROR queue': () => listUnknownQueue(db),
    };
    const naive = {
      'naive OFFSET deep page + COUNT(*)': () =>
        Promise.all([
          pool.query(
            `select id, topup_id, ref, status, msisdn, operator, plan_code, topup_amount, source, upstream_created_at from topups where status = 'FULFILLED' order by upstream_created_at desc, id desc offset $1 limit 51`,
            [DEEP_ROWS],
          ),
          pool.query(`select count(*) from topups where status = 'FULFILLED'`),
        ]),
    };

    // Plans: every statement the scenarios run, once, under EXPLAIN ANALYZE.
    capturing = true;
    for (const run of Object.values(sqlScenarios)) await run();
    capturing = false;
    say('\nQuery plans (EXPLAIN ANALYZE) of every statement the pages run:');
    const seqScans: string[] = [];
    const seen = new Set<string>();
    for (const q of captured) {
      if (seen.has(q.sql)) continue;
      seen.add(q.sql);
      const plan = (
        await pool.query(`explain (analyze, costs off, timing off, summary off) ${q.sql}`, q.params)
      ).rows.map((r) => r['QUERY PLAN'] as string);
      say(`\n-- ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}${q.sql.length > 160 ? '…' : ''}`);
      for (const line of plan) say(`   ${line}`);
      for (const line of plan)
        if (/Seq Scan on (topups|topup_events|refunds)\b/.test(line)) seqScans.push(line.trim());
    }

    // The production build (built if the sources changed) against this database, web only.
    server = await startBenchServer({ port: PORT, databaseUrl: url });
    // A manager opens every page timed here without a second factor.
    const cookie = await signIn(BASE, db, 'manager');
    // Each answer's Server-Timing (scripts/serve.mjs), kept per page for the split below.
    const get = async (p: string): Promise<Record<string, number[]>> => {
      const res = await fetch(`${BASE}${p}`, { headers: { cookie }, redirect: 'manual' });
      // Read to the last byte, as a browser does, without decoding it into a string: the bench
      // shares the machine with the server, and its own garbage would land in the figures.
      await res.arrayBuffer();
      // Every page timed here answers in one request: a redirect (to sign-in, /setup, the
      // not-allowed page, or a search's second request) means the bench would time the wrong page.
      const next = res.headers.get('location');
      if (next) throw new Error(`GET ${p} → ${res.status} to ${next}: not the page under test`);
      if (res.status !== 200) throw new Error(`GET ${p} → ${res.status}`);
      return parseServerTiming(res.headers.get('server-timing') ?? '');
    };
    // The floor: a signed-in page in the same layout that runs no query of its own (/forbidden,
    // a fixed message). What a page costs above it is its own work; the rest is the framework,
    // session and layout.
    const FLOOR = 'floor (signed-in page, no query)';
    const pages: Record<string, string> = {
      [FLOOR]: '/forbidden',
      'orders page 1 (status filter)': '/orders?tab=FULFILLED',
      'orders deep page (page 1000)': `/orders?tab=FULFILLED&after=${deepCursor}`,
      'phone search': phoneList,
      'ref search': refPage,
      'UNKNOWN_ERROR queue': '/unknown',
    };
    const names = Object.keys(pages);
    const http = new Map<string, number[]>(names.map((n) => [n, []]));
    const splits = new Map<string, Record<string, number[]>[]>(names.map((n) => [n, []]));
    // A server that has been up for hours has every page's code compiled: warm them all first.
    for (let i = 0; i < 10; i++) for (const n of names) await get(pages[n] as string);
    // Then rounds that open every page once each, so whatever else the machine does meanwhile
    // (Postgres' own work, another process) falls on all pages alike, the floor included. Each
    // round in its own order (seeded, so runs compare): in a fixed order, the page after the
    // heaviest ones paid for their garbage collection in every round.
    const random = seededRandom(20_261_129);
    for (let i = 0; i < RUNS; i++)
      for (const n of shuffled(names, random)) {
        const started = performance.now();
        const timing = await get(pages[n] as string);
        http.get(n)?.push(performance.now() - started);
        splits.get(n)?.push(timing);
      }

    const rowsOut: string[][] = [];
    const splitRows: string[][] = [];
    const p95: Record<string, number> = {};
    const floorP95 = quantile(http.get(FLOOR) ?? [], 0.95);
    for (const name of names) {
      const times = http.get(name) ?? [];
      const split = splits.get(name) ?? [];
      const median = (key: string) =>
        quantile(
          split.map((s) => (s[key] ?? [0]).reduce((a, b) => a + b, 0)),
          0.5,
        );
      splitRows.push([name, ...['session', 'db', 'render', 'total'].map((k) => fmt(median(k)))]);
      const page95 = quantile(times, 0.95);
      const scenario = sqlScenarios[name];
      const sql = scenario ? await timeIt(scenario, RUNS) : null;
      if (scenario) p95[name] = page95;
      rowsOut.push([
        name,
        fmt(quantile(times, 0.5)),
        fmt(page95),
        sql ? fmt(quantile(sql, 0.5)) : '',
        sql ? fmt(quantile(sql, 0.95)) : '',
        (page95 / floorP95).toFixed(2),
      ]);
    }
    const naiveTimes = await timeIt(naive['naive OFFSET deep page + COUNT(*)'], Math.min(RUNS, 30));
    rowsOut.push([
      'naive OFFSET deep page + COUNT(*)',
      '',
      '',
      fmt(quantile(naiveTimes, 0.5)),
      fmt(quantile(naiveTimes, 0.95)),
      '',
    ]);

    const worst = Math.max(...Object.values(p95));
    const ratio =
      (p95['orders deep page (page 1000)'] ?? 0) / (p95['orders page 1 (status filter)'] ?? 1);
    say(
      `\nbench:desk — ${orders.toLocaleString('en')} orders, signed in, server on loopback: 10 warm-up rounds, then ${RUNS} rounds that open each page once\n`,
    );
    printTable(
      ['', 'page p50 ms', 'page p95 ms', 'SQL p50 ms', 'SQL p95 ms', 'p95 / floor p95'],
      rowsOut,
      say,
    );
    say(
      '\nwhere the time goes (Server-Timing, p50 ms): session check, database (wall), the rest (render) up to the first byte',
    );
    printTable(['', 'session', 'db', 'render', 'total'], splitRows, say);
    say(
      `\ndeep page / page 1 (p95): ${ratio.toFixed(2)}   naive OFFSET deep page / keyset deep page (SQL p50): ${(quantile(naiveTimes, 0.5) / quantile(await timeIt(sqlScenarios['orders deep page (page 1000)'] as () => Promise<unknown>, 10), 0.5)).toFixed(1)}x`,
    );
    say(
      seqScans.length
        ? `sequential scans on big tables: ${seqScans.join(' | ')}`
        : 'no sequential scan on topups, topup_events or refunds in any plan above',
    );
    const floorRatioMax = worst / floorP95;
    say(
      `RESULT orders=${orders} p95_ms_max=${worst.toFixed(1)} deep_ratio=${ratio.toFixed(2)} floor_ratio_max=${floorRatioMax.toFixed(2)}`,
    );
  } finally {
    await server?.stop();
    await pool.end();
    await pgServer?.stop();
  }
}

const fmt = (ms: number) => ms.toFixed(1);

/** `session;dur=2.1, db;dur=5.0;desc="3 queries", …` → { session: [2.1], db: [5.0], … }. */
function parseServerTiming(header: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const dur = params.find((p) => p.startsWith('dur='));
    if (name && dur) out[name] = [...(out[name] ?? []), Number(dur.slice(4))];
  }
  return out;
}

runBench('bench:desk', main);
