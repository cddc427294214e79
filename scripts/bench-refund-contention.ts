// `npm run bench:refund-contention`: does a crowd of refunds of one order, all waiting on a
// slow OneClick, take the app's shared connection pool away from everything else?
//
// Workload: an embedded Postgres, the app's shared pool at its default size (10), the emulator
// over real HTTP with check-id delayed 5 s. Each round starts 12 concurrent refunds of one
// REFUNDED order and, while they run, an open-loop probe: a trivial `select 1` on the shared pool
// every 25 ms, each timed on its own (a stalled pool shows as every probe queued behind it, not
// as one slow sample). The baseline is the same probe with no refund running.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb, type Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createOneClickClient } from '../lib/oneclick/client';
import { topupSchema } from '../lib/oneclick/schemas';
import { closeRefundLocks } from '../lib/refunds/lock';
import { type RefundDeps, requestRefund } from '../lib/refunds/service';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { startSandbox } from '../lib/sandbox';
import { observe } from '../lib/sync/observe';
import { printTable, quantile, runBench } from './bench-util';

const CONCURRENT = 12;
const UPSTREAM_MS = 5_000;
const ROUNDS = 3;
const PROBE_EVERY_MS = 25;
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a `select 1` every PROBE_EVERY_MS until `until` settles; the latency of each. */
async function probe(db: Db, until: Promise<unknown>): Promise<number[]> {
  const times: Promise<number>[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    const started = performance.now();
    times.push(db.execute(sql`select 1`).then(() => performance.now() - started));
    await sleep(PROBE_EVERY_MS);
  }
  return Promise.all(times);
}

async function main() {
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        dataDir: mkdtempSync(path.join(os.tmpdir(), 'flexy-bench-refunds-')),
        ephemeral: true,
        port: 0,
      });
  const url = process.env.DATABASE_URL ?? pg?.url ?? '';
  await runMigrations(url);
  const { db, pool } = createDb(url); // the app's pool, at the app's size
  const sandbox = await startSandbox({ port: 0 });
  const client = createOneClickClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    maxRetries: 0,
  });
  const deps: RefundDeps = {
    db,
    client,
    now: () => new Date(),
    threshold: '5000',
    webhookConfigured: false,
    formatTime: (d) => d.toISOString(),
  };
  const shop = { userId: null, label: 'token:bench', role: null, viaToken: true };
  try {
    const baseline: number[] = [];
    const loaded: number[] = [];
    const refundMs: number[] = [];
    const outcomes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(...(await probe(db, sleep(UPSTREAM_MS))));

      const view = sandbox.controls.createTopup({
        msisdn: `06000001${String(round).padStart(2, '0')}`,
        planCode: 'PREPAID_DJEZZY',
        amount: 500,
        timeline: [{ status: 'REFUNDED', atMs: 0 }],
      });
      const { topupPk } = await observe(db, {
        topup: topupSchema.parse(JSON.parse(JSON.stringify(view))),
        source: 'ingest',
        actor: { name: 'bench' },
        now: new Date(),
      });
      sandbox.controls.setFaults({
        rate: 1,
        kinds: ['latency'],
        latencyMs: UPSTREAM_MS,
        paths: ['/mobile/check-id'],
      });
      const refunds = Promise.all(
        Array.from({ length: CONCURRENT }, async () => {
          const started = performance.now();
          const outcome = await requestRefund(deps, topupPk, shop);
          refundMs.push(performance.now() - started);
          const label = outcome.kind === 'refused' ? outcome.refusal.reason : outcome.kind;
          outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
        }),
      );
      loaded.push(...(await probe(db, refunds)));
      sandbox.controls.setFaults(undefined);
    }

    const fmt = (ms: number) => ms.toFixed(1);
    const row = (name: string, xs: number[]) => [
      name,
      String(xs.length),
      fmt(quantile(xs, 0.5)),
      fmt(quantile(xs, 0.95)),
      fmt(Math.max(...xs)),
    ];
    say(
      `\nbench:refund-contention — ${ROUNDS} rounds of ${CONCURRENT} concurrent refunds of one order, check-id delayed ${UPSTREAM_MS} ms, shared pool of ${pool.options.max}\n`,
    );
    printTable(
      ['', 'samples', 'p50 ms', 'p95 ms', 'max ms'],
      [
        row('select 1 on the shared pool, no refunds', baseline),
        row('select 1 on the shared pool, during refunds', loaded),
        row('each refund call, end to end', refundMs),
      ],
      say,
    );
    say(
      `\nrefund outcomes: ${[...outcomes].map(([k, n]) => `${k}=${n}`).join(' ')} (of ${ROUNDS * CONCURRENT})`,
    );
    const p95 = quantile(loaded, 0.95);
    const base = quantile(baseline, 0.95);
    say(`shared-pool p95 during refunds / without (ratio): ${(p95 / base).toFixed(2)}`);
    say(
      `RESULT concurrent_refunds=${CONCURRENT} upstream_ms=${UPSTREAM_MS} pool_query_p95_ms=${fmt(p95)} baseline_p95_ms=${fmt(base)} ratio=${(p95 / base).toFixed(2)}`,
    );
  } finally {
    await sandbox.close();
    await closeRefundLocks(db);
    await pool.end();
    await pg?.stop();
  }
}

runBench('bench:refund-contention', main);
