import type pg from 'pg';
import { OPERATOR_PREFIX } from '../phone';
import { UNKNOWN_RECHECK_MS } from '../sync/schedule';
import {
  AMOUNT_CAP,
  AMOUNT_FLOOR,
  FACTURE_SUGGESTION,
  KNOWN_MSISDN,
  ORDERS_PER_NUMBER,
  PLANS,
  REFUND_MESSAGES,
  ROUND_AMOUNTS,
  type SeededOperator,
} from './mix';
import { SEED_BATCH_SQL } from './sql';
import { cumulative, hourlyCdf } from './timeline';

// Fills a database with generated orders, one transaction per batch (lib/seed/sql.ts does the
// work inside Postgres). The CLI (scripts/seed.ts) and the test call this.

export type SeedOptions = {
  orders: number;
  days: number;
  seed: number;
  batch: number;
  /** The end of the time window; fixed per run so every batch agrees on what "recent" means. */
  now?: Date;
};
export type SeedProgress = { done: number; total: number; elapsedMs: number };
export type SeedResult = {
  run: number;
  orders: number;
  events: number;
  refunds: number;
  elapsedMs: number;
};

// Any fixed number: two seeds at once would pick the same run number.
const SEED_LOCK = 724_113_007;
/** The run number is 4 hex digits of every seeded topup_id. */
const MAX_RUN = 0xffff;
const DAY_S = 86_400;

export async function seedOrders(
  pool: pg.Pool,
  opts: SeedOptions,
  onProgress: (p: SeedProgress) => void = () => {},
): Promise<SeedResult> {
  const positive = (x: number) => Number.isInteger(x) && x > 0;
  if (!positive(opts.orders) || !positive(opts.batch))
    throw new Error('orders and batch must be positive whole numbers');
  const started = Date.now();
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) ok', [
      SEED_LOCK,
    ]);
    if (!rows[0]?.ok) throw new Error('another seed is running on this database; try later');
    try {
      const run = await freeRun(client);
      const params = fixedParams(opts, run);
      const total = { orders: 0, events: 0, refunds: 0 };
      for (let first = 1; first <= opts.orders; first += opts.batch) {
        const last = Math.min(opts.orders, first + opts.batch - 1);
        const batch = await inTransaction(client, async () => {
          // The batch's CTEs hold ~50k wide rows: keep them in memory rather than on disk. JIT
          // would compile this large statement anew for every batch and gain nothing back.
          await client.query(`set local work_mem = '256MB'`);
          await client.query('set local jit = off');
          const res = await client.query<typeof total>(SEED_BATCH_SQL, [first, last, ...params]);
          return res.rows[0] ?? { orders: 0, events: 0, refunds: 0 };
        });
        total.orders += batch.orders;
        total.events += batch.events;
        total.refunds += batch.refunds;
        onProgress({ done: last, total: opts.orders, elapsedMs: Date.now() - started });
      }
      return { run, ...total, elapsedMs: Date.now() - started };
    } finally {
      // A lost connection releases the lock by itself; do not hide the error that lost it.
      await client.query('select pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

/**
 * Seeded ids are unique by construction: ref `seed-<run>-<n>` and a topup_id holding the run
 * and a bijection of n. A run number is free when its first order is absent (batches commit in
 * order, so any run that left rows left its first), so appending never hits a unique index.
 */
async function freeRun(client: pg.PoolClient): Promise<number> {
  for (let run = 1; run <= MAX_RUN; run++) {
    const { rowCount } = await client.query('select 1 from topups where ref = $1', [
      `seed-${run}-00000001`,
    ]);
    if (!rowCount) return run;
  }
  throw new Error(`all ${MAX_RUN} seed run numbers are used`);
}

async function inTransaction<T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

/** Parameters $3… of SEED_BATCH_SQL (see its header), the same for every batch of a run. */
function fixedParams(opts: SeedOptions, run: number): unknown[] {
  const now = opts.now ?? new Date();
  const operatorShare = (op: SeededOperator) =>
    PLANS.filter((p) => p.operator === op).reduce((sum, p) => sum + p.share, 0);
  const pool = (op: SeededOperator) =>
    Math.max(1, Math.ceil((opts.orders / ORDERS_PER_NUMBER) * operatorShare(op)));
  const ladderS = UNKNOWN_RECHECK_MS.map((ms) => ms / 1000);
  // After the ladder, daily (lib/sync/schedule.ts); UNKNOWN_ERROR here is at most ~36 h old.
  ladderS.push(2 * DAY_S, 3 * DAY_S);
  return [
    opts.orders,
    opts.seed,
    run,
    now,
    opts.days * 24,
    hourlyCdf(now, opts.days),
    cumulative(PLANS.map((p) => p.share)),
    PLANS.map((p) => p.code),
    PLANS.map((p) => p.operator),
    PLANS.map((p) => OPERATOR_PREFIX[p.operator]),
    PLANS.map((p) => p.cost),
    PLANS.map((p) => ('fixed' in p ? p.fixed : null)),
    PLANS.map((p) => pool(p.operator)),
    PLANS.map((p) => AMOUNT_FLOOR[p.operator]),
    PLANS.map((p) => AMOUNT_CAP[p.operator]),
    cumulative(ROUND_AMOUNTS.map(([, weight]) => weight)),
    ROUND_AMOUNTS.map(([amount]) => amount),
    KNOWN_MSISDN,
    REFUND_MESSAGES.wrongNumber,
    REFUND_MESSAGES.planMismatch,
    REFUND_MESSAGES.balanceUnavailable,
    REFUND_MESSAGES.unknownError,
    JSON.stringify(FACTURE_SUGGESTION),
    ladderS,
  ];
}
