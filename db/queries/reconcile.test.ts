import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayRows, totalRow } from '../../lib/reconcile/summary';
import { DESK_TIME_ZONE, dayStart } from '../../lib/time/algiers';
import { createTestDb, type TestDb } from '../../test/db';
import {
  createdOnDay,
  extraOnDay,
  ordersByTopupIds,
  ordersSince,
  recordedByDay,
  refundAnomalies,
  refundedByDay,
  refundedOnDay,
} from './reconcile';

// Two Algiers days, 9 and 10 March 2026 (UTC+1): 10 March starts at 2026-03-09T23:00Z.
const D1 = '2026-03-09';
const D2 = '2026-03-10';
const FROM = dayStart(D1);
const TO = dayStart('2026-03-11');

let t: TestDb;
const pk: Record<string, number> = {};

async function order(
  topupId: string,
  o: {
    status: string;
    balance: string;
    created: string;
    changed: string;
    review?: boolean;
    /** When we saw it settle; null: first seen already final, long after (a backfill). */
    finalized?: string | null;
  },
  db: TestDb = t,
) {
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
       upstream_created_at, source, status_changed_at, needs_review, finalized_at)
     values ($1, $2, 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, $3, $4, 'list-sync', $5, $6, $7)
     returning id`,
    [
      topupId,
      o.status,
      o.balance,
      o.created,
      o.changed,
      o.review ?? false,
      o.finalized === undefined ? o.changed : o.finalized,
    ],
  );
  pk[topupId] = Number(rows[0]?.id);
}
async function refund(topupId: string, amount: string, at: string, state = 'approved') {
  await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via, created_at, state) values ($1, $2, 'user:fin@x', $3, $4)`,
    [pk[topupId], amount, at, state],
  );
  if (state === 'approved')
    await t.pool.query('update topups set refunded_at = $2 where id = $1', [pk[topupId], at]);
}
async function event(topupId: string, kind: string, from: string, to: string, at: string) {
  await t.pool.query(
    `insert into topup_events (topup_pk, kind, from_status, to_status, source, actor, created_at)
     values ($1, $2, $3, $4, 'poll', 'worker:test', $5)`,
    [pk[topupId], kind, from, to, at],
  );
}

beforeAll(async () => {
  t = await createTestDb();
  // Refunded upstream on D1, refunded to the customer the same day: reconciled.
  await order('ok1', {
    status: 'REFUNDED',
    balance: '496.25',
    created: '2026-03-09T08:59:00Z',
    changed: '2026-03-09T09:00:00Z',
  });
  await event('ok1', 'status_changed', 'HANDLING', 'REFUNDED', '2026-03-09T09:00:00Z');
  await refund('ok1', '500', '2026-03-09T11:00:00Z');
  // Refunded upstream at 23:30 on D1 (Algiers), nobody refunded the customer: missing on D1.
  await order('miss1', {
    status: 'REFUNDED',
    balance: '0.1',
    created: '2026-03-09T22:29:00Z',
    changed: '2026-03-09T22:30:00Z',
  });
  // 00:30 on D2 in Algiers is still 9 March in UTC: it belongs to D2. Awaiting approval = missing.
  await order('miss2', {
    status: 'REFUNDED',
    balance: '0.2',
    created: '2026-03-09T23:29:00Z',
    changed: '2026-03-09T23:30:00Z',
  });
  await refund('miss2', '500', '2026-03-09T23:40:00Z', 'awaiting_approval');
  // A rejected refund is no money back either.
  await order('miss3', {
    status: 'REFUNDED',
    balance: '970',
    created: '2026-03-10T07:00:00Z',
    changed: '2026-03-10T07:01:00Z',
  });
  await refund('miss3', '1000', '2026-03-10T08:00:00Z', 'rejected');
  // Refunded to the customer while REFUNDED, then OneClick turned it FULFILLED: extra + anomaly.
  await order('flip', {
    status: 'FULFILLED',
    balance: '496.25',
    created: '2026-03-10T06:00:00Z',
    changed: '2026-03-10T09:00:00Z',
    review: true,
  });
  await event('flip', 'status_changed', 'HANDLING', 'REFUNDED', '2026-03-10T06:01:00Z');
  await refund('flip', '500', '2026-03-10T08:00:00Z');
  await event('flip', 'anomaly', 'REFUNDED', 'FULFILLED', '2026-03-10T09:00:00Z');
  // FULFILLED → REFUNDED (flagged), refunded after: not extra, but listed for review.
  await order('review', {
    status: 'REFUNDED',
    balance: '200',
    created: '2026-03-08T10:00:00Z',
    changed: '2026-03-10T10:00:00Z',
    review: true,
  });
  await event('review', 'anomaly', 'FULFILLED', 'REFUNDED', '2026-03-10T10:00:00Z');
  await refund('review', '200', '2026-03-10T11:00:00Z');
  // Outside the range on both ends.
  await order('old', {
    status: 'REFUNDED',
    balance: '50',
    created: '2026-03-08T10:00:00Z',
    changed: '2026-03-08T10:01:00Z',
  });
  await order('future', {
    status: 'REFUNDED',
    balance: '60',
    created: '2026-03-10T23:10:00Z',
    changed: '2026-03-10T23:10:30Z',
  });
  await order('fine', {
    status: 'FULFILLED',
    balance: '99.25',
    created: '2026-03-10T12:00:00Z',
    changed: '2026-03-10T12:00:10Z',
  });
});
afterAll(() => t.close());

describe('reconciliation figures per Algiers day', () => {
  it('counts orders by the day they became REFUNDED, and which of them nobody refunded yet', async () => {
    const days = dayRows(
      D1,
      D2,
      await refundedByDay(t.db, FROM, TO, DESK_TIME_ZONE),
      await recordedByDay(t.db, FROM, TO, DESK_TIME_ZONE),
    );
    expect(days.map((d) => [d.day, d.refunded, d.missing.count, d.missing.amount])).toEqual([
      [D1, { count: 2, amount: '496.35' }, 1, '0.10'],
      [D2, { count: 3, amount: '1170.20' }, 2, '970.20'],
    ]);
    expect(days[0]?.missing.oldest).toEqual(new Date('2026-03-09T22:30:00Z'));
  });

  it('counts only approved customer refunds as recorded, and flags those on orders not REFUNDED now as extra', async () => {
    const days = dayRows(
      D1,
      D2,
      await refundedByDay(t.db, FROM, TO, DESK_TIME_ZONE),
      await recordedByDay(t.db, FROM, TO, DESK_TIME_ZONE),
    );
    expect(days.map((d) => [d.day, d.recorded, d.extra])).toEqual([
      [D1, { count: 1, amount: '500.00' }, { count: 0, amount: '0.00' }],
      [D2, { count: 2, amount: '700.00' }, { count: 1, amount: '500.00' }],
    ]);
    expect(totalRow(days).missing).toMatchObject({ count: 3, amount: '970.30' });
  });

  it('lists a refund whose order changed status afterwards, and one on an order flagged for review', async () => {
    const anomalies = await refundAnomalies(t.db, FROM, TO);
    expect(anomalies.map((a) => [a.topupId, a.changeFrom, a.changeTo, a.needsReview])).toEqual([
      ['review', null, null, true],
      ['flip', 'REFUNDED', 'FULFILLED', true],
    ]);
    expect(anomalies[1]).toMatchObject({
      amount: '500.00',
      msisdn: '0778037340',
      status: 'FULFILLED',
    });
  });

  it('does not call a status change before the refund an anomaly', async () => {
    const anomalies = await refundAnomalies(t.db, FROM, TO);
    expect(anomalies.some((a) => a.topupId === 'ok1')).toBe(false);
  });

  it('lists one day’s REFUNDED orders with their refund state, and its extra refunds', async () => {
    const onDay = await refundedOnDay(t.db, dayStart(D2), TO);
    expect(onDay.map((o) => [o.topupId, o.refundState])).toEqual([
      ['miss2', 'awaiting_approval'],
      ['miss3', 'rejected'],
      ['review', 'approved'],
    ]);
    const extra = await extraOnDay(t.db, dayStart(D2), TO);
    expect(extra.map((e) => [e.topupId, e.status, e.amount])).toEqual([
      ['flip', 'FULFILLED', '500.00'],
    ]);
  });

  it('finds our orders for ledger objids and the orders created on a day', async () => {
    const found = await ordersByTopupIds(t.db, ['ok1', 'nope', 'flip']);
    expect(found.map((o) => o.topupId).sort()).toEqual(['flip', 'ok1']);
    const created = await createdOnDay(t.db, dayStart(D2), TO);
    expect(created.map((o) => o.topupId)).toEqual(['fine', 'miss3', 'flip', 'miss2']);
  });

  it('sums what our records charged and gave back since a balance anchor', async () => {
    const since = await ordersSince(
      t.db,
      new Date('2026-03-10T06:00:00Z'),
      new Date('2026-03-10T23:00:00Z'),
    );
    // Created in the span: miss3 970 + flip 496.25 + fine 99.25; REFUNDED in it: miss3, review.
    // `future` (23:10) came after the balance was read: not counted.
    expect(since).toEqual({
      charged: '1565.50',
      chargedCount: 3,
      returned: '1170.00',
      returnedCount: 2,
    });
  });

  it('does not count a history import as money given back today: a refund seen long after stands at its order’s time', async () => {
    const db = await createTestDb();
    const imported = '2026-03-10T10:00:00Z';
    // Both first seen REFUNDED by the import at 10:00; OneClick refunded them within minutes
    // of their creation, long before (weeks ago) or after the anchor (07:00).
    const backfilled = { status: 'REFUNDED', changed: imported, finalized: null };
    await order(
      'weeks-ago',
      { ...backfilled, balance: '480', created: '2026-02-20T10:00:00Z' },
      db,
    );
    await order(
      'this-morning',
      { ...backfilled, balance: '96', created: '2026-03-10T07:30:00Z' },
      db,
    );
    const since = await ordersSince(
      db.db,
      new Date('2026-03-10T06:00:00Z'),
      new Date('2026-03-10T23:00:00Z'),
    );
    expect(since).toEqual({
      charged: '96.00',
      chargedCount: 1,
      returned: '96.00',
      returnedCount: 1,
    });
    await db.close();
  });
});
