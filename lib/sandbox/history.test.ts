import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import { hourOfDay } from '../time/algiers';
import { createManualClock } from './clock';
import { refundTime, statusAt, type TopupRecord } from './flows';
import { generateHistory } from './history';
import { MESSAGES } from './messages';
import { isTestNumber } from './numbers';
import { findPlan, planMatchesNumber } from './plans';
import { startSandbox } from './server';

const END = Date.UTC(2026, 10, 27, 10, 0, 0);
const DAY = 24 * 3_600_000;
const history = generateHistory({ days: 90, end: END });
const { topups, ledger } = history;
const share = (n: number) => n / topups.length;
const passedUnknown = (r: TopupRecord) => r.timeline.some((s) => s.status === 'UNKNOWN_ERROR');

describe('the sandbox history a new desk imports', () => {
  it('is about 30,000 orders over the 90 days before the first start', () => {
    expect(topups.length).toBeGreaterThan(29_000);
    expect(topups.length).toBeLessThan(31_000);
    const outside = topups.filter((r) => r.createdAt >= END || r.createdAt < END - 90 * DAY);
    expect(outside).toEqual([]);
    expect(new Set(topups.map((r) => r.id)).size).toBe(topups.length);
    expect(new Set(topups.map((r) => r.ref)).size).toBe(topups.length);
  });

  it('is the same history for the same seed and end, another for another seed', () => {
    const once = generateHistory({ days: 10, end: END });
    expect(once.topups.length).toBeGreaterThan(3_000);
    expect(generateHistory({ days: 10, end: END })).toEqual(once);
    const other = generateHistory({ days: 10, end: END, seed: 7 });
    expect(other.topups[0]?.id).not.toBe(once.topups[0]?.id);
  });

  it('0 days is no history at all', () => {
    expect(generateHistory({ days: 0, end: END })).toMatchObject({ topups: [], ledger: [] });
  });

  it('has Djezzy first, then Mobilis and Ooredoo, on plans the number fits', () => {
    const operator = (code: string) => findPlan(code)?.operator;
    const of = (op: string) => share(topups.filter((r) => operator(r.planCode) === op).length);
    expect(of('Djezzy')).toBeGreaterThan(of('Mobilis'));
    expect(of('Mobilis') + of('Pixx')).toBeGreaterThan(of('Ooredoo'));
    expect(of('Ooredoo')).toBeGreaterThan(0.15);
    expect(new Set(topups.map((r) => r.planCode)).size).toBeGreaterThanOrEqual(5);
    const misfits = topups.filter((r) => {
      const plan = findPlan(r.planCode);
      return !plan || !planMatchesNumber(plan, r.msisdn) || !/^0[567][0-9]{8}$/.test(r.msisdn);
    });
    expect(misfits).toEqual([]);
    expect(topups.filter((r) => isTestNumber(r.msisdn))).toEqual([]);
    // Customers come back: about five orders per number.
    expect(new Set(topups.map((r) => r.msisdn)).size).toBeLessThan(topups.length / 3);
  });

  it('follows the day: evenings are busy, the small hours quiet, and the shop grows', () => {
    const byHour = new Array(24).fill(0);
    for (const r of topups) byHour[hourOfDay(new Date(r.createdAt))]++;
    expect(byHour[20]).toBeGreaterThan(10 * byHour[4]);
    const firstWeek = topups.filter((r) => r.createdAt < END - 83 * DAY).length;
    const lastWeek = topups.filter((r) => r.createdAt >= END - 7 * DAY).length;
    expect(lastWeek).toBeGreaterThan(1.8 * firstWeek);
  });

  it('mostly fulfils; some are refunded with the documented messages; a few passed UNKNOWN_ERROR and resolved both ways', () => {
    const at = (status: string) => topups.filter((r) => statusAt(r, END) === status);
    expect(share(at('FULFILLED').length)).toBeGreaterThan(0.9);
    expect(share(at('REFUNDED').length)).toBeGreaterThan(0.04);
    expect(share(at('REFUNDED').length)).toBeLessThan(0.09);
    const messages = new Set(at('REFUNDED').map((r) => r.refundMessage));
    expect(messages).toEqual(
      new Set([
        MESSAGES.wrongNumber,
        MESSAGES.planMismatch,
        MESSAGES.balanceUnavailable,
        MESSAGES.unknownError,
      ]),
    );
    const resolved = topups.filter((r) => passedUnknown(r) && statusAt(r, END) !== 'UNKNOWN_ERROR');
    expect(share(resolved.length)).toBeGreaterThan(0.02);
    expect(new Set(resolved.map((r) => statusAt(r, END)))).toEqual(
      new Set(['FULFILLED', 'REFUNDED']),
    );
    // Some still wait for OneClick's manual resolution: the desk's UNKNOWN_ERROR queue.
    expect(at('UNKNOWN_ERROR').length).toBeGreaterThan(0);
    expect(at('UNKNOWN_ERROR').length).toBeLessThan(60);
    // OneClick retried or redirected a few refunded orders; the linked order exists.
    const linked = topups.filter((r) => r.link?.orderId);
    expect(linked.length).toBeGreaterThan(10);
    const ids = new Set(topups.map((r) => r.id));
    for (const r of linked) expect(ids.has(r.link?.orderId ?? '')).toBe(true);
  });

  it('has a ledger that adds up: a FLEXY debit per order, a REFUND-FLEXY credit per refund, deposits when low', () => {
    const charged = topups.filter((r) => r.chargedCents > 0);
    const debits = ledger.filter((row) => row.type === 'FLEXY');
    const credits = ledger.filter((row) => row.type === 'REFUND-FLEXY');
    expect(debits.map((row) => row.objid).sort()).toEqual(charged.map((r) => r.id).sort());
    const refunded = topups.filter((r) => (refundTime(r) ?? Infinity) <= END);
    expect(credits.map((row) => row.objid).sort()).toEqual(refunded.map((r) => r.id).sort());
    const byId = new Map(topups.map((r) => [r.id, r]));
    const wrongCredits = credits.filter((row) => {
      const order = byId.get(row.objid ?? '');
      return (
        row.amountCents !== order?.chargedCents ||
        row.time !== refundTime(order) ||
        order.refundedAt !== row.time
      );
    });
    expect(wrongCredits).toEqual([]);
    expect(ledger.filter((row) => row.type === 'DEPOSIT').length).toBeGreaterThan(10);
    // Each row starts where the one before ended, in time order, never below zero.
    const broken = ledger.filter((row, i) => {
      const before = ledger[i - 1];
      const delta = row.type === 'FLEXY' ? -row.amountCents : row.amountCents;
      return (
        row.oldCents !== (before?.newCents ?? 0) ||
        row.newCents !== row.oldCents + delta ||
        row.newCents < 0 ||
        row.time < (before?.time ?? 0)
      );
    });
    expect(broken).toEqual([]);
    expect(history.balanceCents).toBe(ledger.at(-1)?.newCents);
  });
});

describe('the history over HTTP', () => {
  it('is listed in the documented shape and page sizes, with its ledger, and kept across a restart', async () => {
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sandbox-history-')), 's.json');
    const clock = createManualClock(END);
    const opts = { clock, stateFile, apiKeys: ['history-key'] };
    const first = await startSandbox({ ...opts, history: { days: 3 } });
    expect(first.history?.orders).toBeGreaterThan(900);
    const client = createOneClickClient({
      apiKey: 'history-key',
      baseUrl: first.url,
      maxRetries: 0,
    });
    const page = await client.list({ page: 1, pageSize: 100 });
    expect(page.data.rejected).toEqual([]);
    expect(page.data.items).toHaveLength(100);
    expect(page.data.pagination).toMatchObject({
      pageSize: 100,
      totalResults: first.history?.orders,
      totalPages: Math.ceil((first.history?.orders ?? 0) / 100),
    });
    const created = page.data.items.map((i) => Date.parse(i.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    await expect(client.list({ page: 1, pageSize: 101 })).rejects.toMatchObject({
      code: 'ERR_VALIDATION',
    });
    const ledger = await client.transactions({ page: 1, pageSize: 100 });
    expect(new Set(ledger.data.items.map((row) => row.type))).toContain('FLEXY');
    await first.close();

    // A restart reads the state file: the same orders, nothing generated again.
    const second = await startSandbox({ ...opts, history: { days: 30 } });
    expect(second.history).toBeNull();
    const again = createOneClickClient({
      apiKey: 'history-key',
      baseUrl: second.url,
      maxRetries: 0,
    });
    const same = await again.list({ page: 1, pageSize: 100 });
    expect(same.data.items.map((i) => i._id)).toEqual(page.data.items.map((i) => i._id));
    expect(same.data.pagination.totalResults).toBe(first.history?.orders);
    await second.close();
  });
});
