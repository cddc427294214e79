import { describe, expect, it } from 'vitest';
import { algiersDate } from '../time/algiers';
import { type LedgerRow, matchCredits, matchDebits, type OurOrder, objids } from './ledger';

const DAY = '2026-03-10';
let seq = 0;
function row(
  type: string,
  objid: string | undefined,
  amount: string,
  time = '2026-03-10T09:00:00Z',
): LedgerRow {
  seq += 1;
  return { _id: `tx${seq}`, type, amount, oldBalance: '0', newBalance: amount, objid, time };
}
function order(topupId: string, over: Partial<OurOrder> = {}): OurOrder {
  return {
    id: Number(topupId.replace(/\D/g, '')) || 1,
    topupId,
    status: 'REFUNDED',
    msisdn: '0778037340',
    balanceAmount: '496.25',
    upstreamCreatedAt: new Date('2026-03-10T08:59:00Z'),
    statusChangedAt: new Date('2026-03-10T09:00:05Z'),
    ...over,
  };
}
function credits(rows: LedgerRow[], ours: OurOrder[], refundedOnDay = ours) {
  return matchCredits({
    rows,
    refundedOnDay: refundedOnDay.filter((o) => o.status === 'REFUNDED'),
    byTopupId: new Map(ours.map((o) => [o.topupId, o])),
    day: DAY,
    dayOf: algiersDate,
  });
}

describe('REFUND-FLEXY credits against our REFUNDED orders', () => {
  it('matches a credit to our REFUNDED order by objid when the amount is the same to the centime', () => {
    const r = credits([row('REFUND-FLEXY', 'a1', '496.25')], [order('a1')]);
    expect(r.matched.map((p) => p.order.topupId)).toEqual(['a1']);
    expect(r.matchedTotal).toBe('496.25');
    expect(r.mismatched).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.refundedWithoutCredit).toEqual([]);
  });

  it('lists a credit whose amount differs from what OneClick charged us as a mismatch', () => {
    const r = credits([row('REFUND-FLEXY', 'a1', '496.2')], [order('a1')]);
    expect(r.matched).toEqual([]);
    expect(r.mismatched.map((p) => [p.row.amount, p.order.balanceAmount])).toEqual([
      ['496.2', '496.25'],
    ]);
    // A mismatched credit is still a credit: the order is not also "without credit".
    expect(r.refundedWithoutCredit).toEqual([]);
  });

  it('lists a credit for an order we never stored as unknown', () => {
    const r = credits([row('REFUND-FLEXY', 'ghost', '100')], []);
    expect(r.unmatched.map((u) => [u.row.objid, u.reason])).toEqual([['ghost', 'unknown_order']]);
  });

  it('lists a credit for an order we hold as FULFILLED: OneClick refunded what we think was delivered', () => {
    const fulfilled = order('a2', { status: 'FULFILLED' });
    const r = credits([row('REFUND-FLEXY', 'a2', '496.25')], [fulfilled]);
    expect(r.unmatched).toEqual([
      expect.objectContaining({ reason: 'not_refunded', order: fulfilled }),
    ]);
  });

  it('flags a second credit for the same order as a duplicate, and a credit with no objid', () => {
    const r = credits(
      [
        row('REFUND-FLEXY', 'a1', '496.25'),
        row('REFUND-FLEXY', 'a1', '496.25'),
        row('REFUND-FLEXY', undefined, '5'),
      ],
      [order('a1')],
    );
    expect(r.matched).toHaveLength(1);
    expect(r.unmatched.map((u) => u.reason)).toEqual(['duplicate', 'no_objid']);
    expect(r.count).toBe(3);
    expect(r.total).toBe('997.50');
  });

  it('lists our order that became REFUNDED that day but has no credit in the ledger', () => {
    const r = credits([row('REFUND-FLEXY', 'a1', '496.25')], [order('a1'), order('a3')]);
    expect(r.refundedWithoutCredit.map((o) => o.topupId)).toEqual(['a3']);
  });

  it('reads the credit’s size whatever its sign, and counts matches our clock put on another day', () => {
    const lateSeen = order('a4', { statusChangedAt: new Date('2026-03-10T23:00:02Z') }); // 00:00:02 on the 11th
    const r = credits([row('REFUND-FLEXY', 'a4', '-496.25')], [lateSeen], []);
    expect(r.matched).toHaveLength(1);
    expect(r.matchedOtherDay).toBe(1);
  });

  it('ignores debits and deposits when matching credits', () => {
    const r = credits(
      [row('FLEXY', 'a1', '-496.25'), row('DEPOSIT', undefined, '10000')],
      [order('a1')],
    );
    expect(r.count).toBe(0);
    expect(r.refundedWithoutCredit.map((o) => o.topupId)).toEqual(['a1']);
  });
});

describe('a ledger read cut at the page limit', () => {
  const cutAt = new Date('2026-03-10T12:00:00Z');
  it('calls an order "without credit" only if it turned REFUNDED well after the oldest row read', () => {
    const early = order('e1', { statusChangedAt: new Date('2026-03-10T09:00:00Z') });
    const edge = order('e2', { statusChangedAt: new Date('2026-03-10T12:05:00Z') }); // credit may be just before
    const late = order('e3', { statusChangedAt: new Date('2026-03-10T13:00:00Z') });
    const r = matchCredits({
      rows: [row('REFUND-FLEXY', 'zz', '1', '2026-03-10T12:00:00Z')],
      refundedOnDay: [early, edge, late],
      byTopupId: new Map(),
      day: DAY,
      dayOf: algiersDate,
      judgeFrom: cutAt,
    });
    expect(r.refundedWithoutCredit.map((o) => o.topupId)).toEqual(['e3']);
    expect(r.notJudged).toBe(2);
  });

  it('calls an order "without charge" only if it was created after the oldest row read', () => {
    const ours = [
      order('c1', { upstreamCreatedAt: new Date('2026-03-10T11:59:59Z') }),
      order('c2', { upstreamCreatedAt: new Date('2026-03-10T12:00:00Z') }),
    ];
    const r = matchDebits({ rows: [], createdOnDay: ours, byTopupId: new Map(), judgeFrom: cutAt });
    expect(r.oursWithoutDebit.map((o) => o.topupId)).toEqual(['c2']);
    expect(r.notJudged).toBe(1);
  });
});

describe('FLEXY debits against our orders created that day', () => {
  it('counts both sides exactly and lists what is missing on either side', () => {
    const ours = [
      order('b1', { balanceAmount: '0.1' }),
      order('b2', { balanceAmount: '0.2' }),
      order('b3'),
    ];
    const r = matchDebits({
      rows: [row('FLEXY', 'b1', '-0.1'), row('FLEXY', 'b2', '-0.2'), row('FLEXY', 'zz', '-50')],
      createdOnDay: ours,
      byTopupId: new Map(ours.map((o) => [o.topupId, o])),
    });
    expect(r.count).toBe(3);
    expect(r.total).toBe('50.30');
    expect(r.oursCount).toBe(3);
    expect(r.oursTotal).toBe('496.55');
    expect(r.notOurs.map((x) => x.objid)).toEqual(['zz']);
    expect(r.oursWithoutDebit.map((o) => o.topupId)).toEqual(['b3']);
    expect(r.mismatched).toEqual([]);
  });

  it('lists a debit that charged a different amount than the order says', () => {
    const ours = [order('b1', { balanceAmount: '496.25' })];
    const r = matchDebits({
      rows: [row('FLEXY', 'b1', '-500')],
      createdOnDay: ours,
      byTopupId: new Map(ours.map((o) => [o.topupId, o])),
    });
    expect(r.mismatched.map((p) => p.order.topupId)).toEqual(['b1']);
  });

  it('collects each objid once for the order lookup', () => {
    expect(
      objids([
        row('FLEXY', 'x', '1'),
        row('REFUND-FLEXY', 'x', '1'),
        row('DEPOSIT', undefined, '1'),
      ]),
    ).toEqual(['x']);
  });
});
