import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { refunds } from '../../db/schema';
import { startUpstream } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { topupSchema } from '../oneclick/schemas';
import { observe } from '../sync/observe';
import { closeRefundLocks } from './lock';
import { type RefundActor, type RefundDeps, requestRefund } from './service';

// A refund holds its order's lock while OneClick confirms, which may take the client's whole
// timeout. Whoever waits behind it must neither take the app's connections nor wait forever.

let t: TestDb;
let app: { db: Db; pool: pg.Pool };
let up: Awaited<ReturnType<typeof startUpstream>>;
const shop: RefundActor = { userId: null, label: 'token:shop', role: null, viaToken: true };

beforeAll(async () => {
  t = await createTestDb();
  app = createDb(t.url, 5); // a small app pool: a dozen stuck refunds would take all of it
  up = await startUpstream();
});
afterAll(async () => {
  up.sandbox.controls.clearFaults();
  await up.sandbox.close();
  await closeRefundLocks(app.db);
  await app.pool.end();
  await t.close();
});

const deps = (over: Partial<RefundDeps> = {}): RefundDeps => ({
  db: app.db,
  client: up.client,
  now: () => new Date(),
  threshold: '5000',
  webhookConfigured: false,
  formatTime: (d) => d.toISOString(),
  ...over,
});

async function refundedOrder(msisdn: string) {
  const view = up.sandbox.controls.createTopup({
    msisdn,
    planCode: 'PREPAID_DJEZZY',
    amount: 500,
    timeline: [{ status: 'REFUNDED', atMs: 0 }],
  });
  const { topupPk } = await observe(t.db, {
    topup: topupSchema.parse(JSON.parse(JSON.stringify(view))),
    source: 'ingest',
    actor: { name: 'test' },
    now: new Date(),
  });
  return { topupPk, topupId: view._id };
}

const slowCheckId = () =>
  up.sandbox.controls.setFaults({
    rate: 1,
    kinds: ['latency'],
    latencyMs: 5_000,
    paths: ['/mobile/check-id'],
  });
const askedOneClick = (topupId: string) => () =>
  up.sandbox.controls.calls().some((c) => c.path.endsWith(`/mobile/check-id/${topupId}`));
const timed = async <T>(work: Promise<T>) => {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
};

describe('refunds waiting on a slow OneClick', () => {
  it('twelve concurrent refunds of one order leave the app pool free: a plain query answers within a second', async () => {
    const { topupPk, topupId } = await refundedOrder('0600000101');
    slowCheckId();
    try {
      const running = Promise.all(
        Array.from({ length: 12 }, () => requestRefund(deps(), topupPk, shop)),
      );
      await until('the first refund to ask OneClick', askedOneClick(topupId));
      await new Promise((r) => setTimeout(r, 200)); // the other eleven are queued by now
      const probe = await timed(app.db.execute(sql`select 1`));
      expect(probe.ms).toBeLessThan(1_000);
      const outcomes = await running;
      expect(outcomes.filter((o) => o.kind === 'recorded')).toHaveLength(1);
    } finally {
      up.sandbox.controls.clearFaults();
    }
    expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toHaveLength(1);
  }, 30_000);

  it('a refund of another order goes through at once while twelve wait on a slow one', async () => {
    const slow = await refundedOrder('0600000104');
    const other = await refundedOrder('0600000105');
    up.sandbox.controls.setFaults({
      rate: 1,
      kinds: ['latency'],
      latencyMs: 5_000,
      paths: [`/mobile/check-id/${slow.topupId}`],
    });
    try {
      const running = Promise.all(
        Array.from({ length: 12 }, () => requestRefund(deps(), slow.topupPk, shop)),
      );
      await until('the first refund to ask OneClick', askedOneClick(slow.topupId));
      const quick = await timed(requestRefund(deps(), other.topupPk, shop));
      expect(quick.value.kind).toBe('recorded');
      expect(quick.ms).toBeLessThan(1_000);
      await running;
    } finally {
      up.sandbox.controls.clearFaults();
    }
  }, 30_000);

  it('a refund that cannot get its turn in time is refused as busy, and the one that had the turn is recorded once', async () => {
    const { topupPk, topupId } = await refundedOrder('0600000102');
    slowCheckId();
    try {
      const running = Promise.all(
        Array.from({ length: 12 }, () =>
          timed(requestRefund(deps({ lockWaitMs: 1_000 }), topupPk, shop)),
        ),
      );
      await until('the first refund to ask OneClick', askedOneClick(topupId));
      const outcomes = await running;
      const recorded = outcomes.filter((o) => o.value.kind === 'recorded');
      const busy = outcomes.filter((o) => o.value.kind === 'refused');
      expect(recorded).toHaveLength(1);
      expect(busy).toHaveLength(11);
      for (const o of busy) {
        expect(o.value).toMatchObject({ kind: 'refused', refusal: { reason: 'refund.busy' } });
        // Refused after the wait, long before OneClick answered the one that had the turn.
        expect(o.ms).toBeLessThan(3_500);
      }
    } finally {
      up.sandbox.controls.clearFaults();
    }
    expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toHaveLength(1);
  }, 30_000);
});

describe('a refund lock held by another desk instance', () => {
  it('Postgres bounds an advisory lock wait with lock_timeout (55P03)', async () => {
    const holder = new pg.Client({ connectionString: t.url });
    const waiter = new pg.Client({ connectionString: t.url });
    await Promise.all([holder.connect(), waiter.connect()]);
    try {
      const { rows } = await holder.query<{ v: number }>(
        `select current_setting('server_version_num')::int as v`,
      );
      expect(rows[0]?.v).toBeGreaterThanOrEqual(180000);
      await holder.query('select pg_advisory_lock(42)');
      await waiter.query('begin');
      await waiter.query(`select set_config('lock_timeout', '300ms', true)`);
      const attempt = await timed(
        waiter.query('select pg_advisory_lock(42)').then(
          () => 'locked',
          (error: { code?: string }) => error.code,
        ),
      );
      await waiter.query('rollback');
      expect(attempt.value).toBe('55P03');
      expect(attempt.ms).toBeLessThan(2_000);
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
  });

  it('makes a refund here answer busy after the wait, without holding an app connection', async () => {
    const { topupPk } = await refundedOrder('0600000103');
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query('select pg_advisory_lock(hashtextextended($1, 0))', [`refund:${topupPk}`]);
      const attempt = timed(requestRefund(deps({ lockWaitMs: 800 }), topupPk, shop));
      await new Promise((r) => setTimeout(r, 200));
      expect(app.pool.totalCount - app.pool.idleCount).toBe(0);
      const result = await Promise.race([
        attempt,
        new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), 5_000)),
      ]);
      expect(result).toMatchObject({
        value: { kind: 'refused', refusal: { reason: 'refund.busy' } },
      });
    } finally {
      await other.end(); // frees the lock, so a refund still waiting (before the fix) ends
    }
    expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toHaveLength(0);
  }, 20_000);
});
