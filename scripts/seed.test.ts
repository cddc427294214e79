import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorOf } from '../lib/phone';
import { KNOWN_MSISDN } from '../lib/seed/mix';
import { parseSeedArgs, SeedArgsError } from '../lib/seed/options';
import { counterTotals, realTotals } from '../lib/seed/report';
import { type SeedOptions, seedOrders } from '../lib/seed/run';
import { createTestDb, type TestDb } from '../test/db';

const ORDERS = 5_000;
// A fixed clock makes the run fully reproducible: "recent" means the same rows every time.
const NOW = new Date('2026-03-12T20:30:00Z');
const OPTIONS: SeedOptions = { orders: ORDERS, days: 180, seed: 7, batch: 1_500, now: NOW };

let t: TestDb;
let first: Awaited<ReturnType<typeof seedOrders>>;
const progress: number[] = [];

beforeAll(async () => {
  t = await createTestDb();
  first = await seedOrders(t.pool, OPTIONS, (p) => progress.push(p.done));
});
afterAll(() => t.close());

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await t.pool.query(sql, params);
  return rows[0] as T;
}
const share = (n: number) => n / ORDERS;

describe('db:seed', () => {
  it('adds the requested orders in batches, reporting progress after each', async () => {
    expect(first.orders).toBe(ORDERS);
    expect(progress).toEqual([1_500, 3_000, 4_500, 5_000]);
    expect((await one<{ n: number }>('select count(*)::int n from topups')).n).toBe(ORDERS);
  });

  it('gives the intended status mix: mostly FULFILLED, ~6 % REFUNDED, a few unsettled', async () => {
    const totals = await realTotals(t.pool);
    expect(share(totals.FULFILLED ?? 0)).toBeGreaterThan(0.92);
    expect(share(totals.FULFILLED ?? 0)).toBeLessThan(0.96);
    expect(share(totals.REFUNDED ?? 0)).toBeGreaterThan(0.045);
    expect(share(totals.REFUNDED ?? 0)).toBeLessThan(0.075);
    const unsettled = (totals.PENDING ?? 0) + (totals.HANDLING ?? 0) + (totals.UNKNOWN_ERROR ?? 0);
    expect(unsettled).toBeLessThan(ORDERS * 0.01);
  });

  it('refunds the customer once per refunded order, and never another order', async () => {
    const r = await one<{ marked: number; refunds: number; refunded: number; matching: number }>(`
      select
        (select count(*)::int from topups where refunded_at is not null) as marked,
        (select count(*)::int from refunds) as refunds,
        (select count(*)::int from topups where status = 'REFUNDED') as refunded,
        (select count(*)::int from topups t join refunds r on r.topup_pk = t.id
          where t.status = 'REFUNDED' and t.refunded_at = r.created_at
            and r.amount = t.topup_amount and r.created_via = 'seed') as matching`);
    expect(r.refunds).toBe(r.marked);
    expect(r.matching).toBe(r.refunds);
    expect(r.marked / r.refunded).toBeGreaterThan(0.75);
    expect(r.marked / r.refunded).toBeLessThan(0.9);
  });

  it('keeps UNKNOWN_ERROR to recent orders, each with its next recheck', async () => {
    const r = await one<Record<string, number>>(
      `select
        count(*) filter (where status = 'UNKNOWN_ERROR')::int as current,
        count(*) filter (where status = 'UNKNOWN_ERROR' and (upstream_created_at < $1::timestamptz - interval '36 hours'
          or next_check_at is null or next_check_at < unknown_error_at + interval '1 hour'
          or refund_message is null))::int as wrong,
        count(*) filter (where unknown_error_at is not null and status in ('FULFILLED', 'REFUNDED'))::int as resolved,
        count(*) filter (where status in ('FULFILLED', 'REFUNDED') and next_check_at is not null)::int as settled_due
       from topups`,
      [NOW],
    );
    expect(r.wrong).toBe(0);
    expect(r.resolved).toBeGreaterThan(ORDERS * 0.02);
    expect(r.settled_due).toBe(0);
  });

  it('gives every order its timeline: created, then each status change', async () => {
    const r = await one<Record<string, number>>(`
      with e as (
        select t.id, t.status, t.unknown_error_at, count(*) as n,
          count(*) filter (where e.kind = 'created') as created,
          count(*) filter (where e.from_status = 'UNKNOWN_ERROR' and e.to_status = t.status) as resolution,
          bool_or(e.to_status = t.status and e.created_at = t.status_changed_at) as reaches_status
        from topups t join topup_events e on e.topup_pk = t.id group by t.id)
      select
        count(*)::int as orders,
        count(*) filter (where created <> 1 or not reaches_status)::int as broken,
        count(*) filter (where n < 2 and status <> 'PENDING')::int as short,
        count(*) filter (where unknown_error_at is not null and status in ('FULFILLED', 'REFUNDED')
          and resolution <> 1)::int as unresolved
      from e`);
    expect(r).toEqual({ orders: ORDERS, broken: 0, short: 0, unresolved: 0 });
  });

  it('matches plans, operators and number prefixes, with repeat customers', async () => {
    const { rows } = await t.pool.query<{ plan_code: string; msisdn: string; operator: string }>(
      'select distinct plan_code, msisdn, operator from topups',
    );
    const prefix: Record<string, string> = { Djezzy: '07', Mobilis: '06', Ooredoo: '05' };
    for (const row of rows) {
      expect(operatorOf(row.plan_code, row.msisdn)).toBe(row.operator);
      expect(row.msisdn).toMatch(new RegExp(`^${prefix[row.operator]}\\d{8}$`));
    }
    const numbers = new Set(rows.map((r) => r.msisdn)).size;
    expect(numbers).toBeGreaterThan(ORDERS / 8);
    expect(numbers).toBeLessThan(ORDERS / 3);
    const known = await one<{ n: number }>('select count(*)::int n from topups where msisdn = $1', [
      KNOWN_MSISDN,
    ]);
    expect(known.n).toBeGreaterThanOrEqual(20);
  });

  it('keeps the status-tab counters equal to a real count', async () => {
    expect(await counterTotals(t.pool)).toEqual(await realTotals(t.pool));
  });

  it('appends an identical mix on a second run with the same seed, without collisions', async () => {
    const before = await realTotals(t.pool);
    const second = await seedOrders(t.pool, OPTIONS);
    expect(second.run).toBe(first.run + 1);
    expect(second).toMatchObject({ orders: ORDERS, events: first.events, refunds: first.refunds });
    const after = await realTotals(t.pool);
    for (const [bucket, n] of Object.entries(before)) expect(after[bucket]).toBe(2 * n);
    expect(await counterTotals(t.pool)).toEqual(after);
  });
});

describe('db:seed options', () => {
  it('requires --orders within range and reads thousands separators', () => {
    expect(() => parseSeedArgs([])).toThrow(/--orders is required/);
    expect(() => parseSeedArgs(['--orders', '0'])).toThrow(/at least 1/);
    expect(() => parseSeedArgs(['--orders', '20000001'])).toThrow(/at most 20,000,000/);
    expect(() => parseSeedArgs(['--orders', 'lots'])).toThrow(SeedArgsError);
    expect(() => parseSeedArgs(['--orders', '5', '--colour', 'red'])).toThrow(/colour/);
    expect(parseSeedArgs(['--orders', '1_000_000'])).toEqual({
      orders: 1_000_000,
      days: 180,
      seed: expect.any(Number),
      batch: 50_000,
    });
  });
});
