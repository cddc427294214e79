import { afterEach, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import { createManualClock } from './clock';
import { FACTURE_OFFER, MESSAGES } from './messages';
import { type SandboxOptions, startSandbox } from './server';

// The documented sandbox flows (seeds/check-by-id.md), driven by the injectable clock.
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function setup(opts: SandboxOptions = {}) {
  const clock = createManualClock(Date.UTC(2025, 9, 29, 0, 35, 59));
  const sandbox = await startSandbox({ clock, ...opts });
  opened.push(sandbox);
  const client = createOneClickClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    maxRetries: 0,
  });
  const send = async (MSSIDN: string, plan_code = 'PREPAID_DJEZZY') =>
    (await client.send({ plan_code, MSSIDN, amount: 500 })).data.topupId;
  const status = async (id: string) => (await client.checkId(id)).data;
  return { clock, sandbox, client, send, status };
}

describe('documented sandbox flows', () => {
  it('a normal number is PENDING for 5 s, HANDLING until 15 s, then FULFILLED', async () => {
    const { clock, send, status } = await setup();
    const id = await send('0778037340');
    const seen: [number, string][] = [];
    for (const at of [0, 4_999, 5_000, 14_999, 15_000, 60_000]) {
      clock.set(Date.UTC(2025, 9, 29, 0, 35, 59) + at);
      seen.push([at, (await status(id)).status]);
    }
    expect(seen).toEqual([
      [0, 'PENDING'],
      [4_999, 'PENDING'],
      [5_000, 'HANDLING'],
      [14_999, 'HANDLING'],
      [15_000, 'FULFILLED'],
      [60_000, 'FULFILLED'],
    ]);
    expect((await status(id)).refund_message).toBeUndefined();
  });

  it('0600000001 goes through the same steps and ends REFUNDED with the wrong-number message', async () => {
    const { clock, send, status } = await setup();
    const id = await send('0600000001');
    clock.advance(5_000);
    expect((await status(id)).status).toBe('HANDLING');
    clock.advance(10_000);
    expect(await status(id)).toMatchObject({
      status: 'REFUNDED',
      refund_message: MESSAGES.wrongNumber,
    });
  });

  it('0600000002 ends REFUNDED with the plan-mismatch message and the FACTURE suggestion', async () => {
    const { clock, send, status } = await setup();
    const id = await send('0600000002');
    expect((await status(id)).suggested_offers).toBeUndefined();
    clock.advance(15_000);
    expect(await status(id)).toMatchObject({
      status: 'REFUNDED',
      refund_message: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة',
      suggested_offers: [{ ...FACTURE_OFFER, amount: '500' }],
    });
  });

  it('0600000002 takes its suggested offer: a top-up sent as FACTURE_DJEZZY is FULFILLED', async () => {
    const { clock, send, status } = await setup();
    const id = await send('0600000002', FACTURE_OFFER.plan_code);
    clock.advance(15_000);
    expect(await status(id)).toMatchObject({ status: 'FULFILLED' });
    expect((await status(id)).suggested_offers).toBeUndefined();
  });

  it('a GETMENU plan comes back REFUNDED with several offers to choose from', async () => {
    const { clock, send, status } = await setup();
    const id = await send('0661234567', 'GETMENU_Mobilis');
    clock.advance(15_000);
    const topup = await status(id);
    expect(topup.status).toBe('REFUNDED');
    expect(topup.suggested_offers?.length).toBeGreaterThan(1);
  });

  it('0600000003 shows UNKNOWN_ERROR with its Arabic message, then resolves after the configured delay', async () => {
    const { clock, send, status, client } = await setup({
      unknownErrorResolution: { afterMs: 3_600_000, outcome: 'REFUNDED' },
    });
    const before = (await client.balance()).data.balance;
    const id = await send('0600000003');
    clock.advance(15_000);
    expect(await status(id)).toMatchObject({
      status: 'UNKNOWN_ERROR',
      refund_message: MESSAGES.unknownError,
    });
    clock.advance(3_600_000 - 1);
    expect((await status(id)).status).toBe('UNKNOWN_ERROR');
    // Not refunded while unknown: the money is still out.
    expect((await client.balance()).data.balance).not.toBe(before);
    clock.advance(1);
    expect((await status(id)).status).toBe('REFUNDED');
    expect((await client.balance()).data.balance).toBe(before);
  });

  it('an UNKNOWN_ERROR can be settled to FULFILLED on demand, keeping the money spent', async () => {
    const { clock, send, status, sandbox, client } = await setup();
    const id = await send('0600000003');
    clock.advance(20_000);
    expect(sandbox.controls.resolveUnknown(id, 'FULFILLED').status).toBe('FULFILLED');
    const topup = await status(id);
    expect(topup.status).toBe('FULFILLED');
    expect(topup.refund_message).toBeUndefined();
    clock.advance(10 * 3_600_000);
    expect((await status(id)).status).toBe('FULFILLED');
    const types = (await client.transactions()).data.items.map((row) => row.type);
    expect(types).toEqual(['FLEXY']);
  });

  it('a refund credits the ledger once, dated when the order became REFUNDED', async () => {
    const { clock, send, client } = await setup({ balance: 1_000 });
    const id = await send('0600000001');
    clock.advance(60_000);
    await client.balance();
    await client.balance();
    const rows = (await client.transactions()).data.items;
    expect(
      rows.map((row) => [row.type, row.amount, row.oldBalance, row.newBalance, row.objid]),
    ).toEqual([
      ['REFUND-FLEXY', '496.25', '503.75', '1000', id],
      ['FLEXY', '496.25', '1000', '503.75', id],
    ]);
    expect(rows[0]?.time).toBe(new Date(Date.UTC(2025, 9, 29, 0, 35, 59) + 15_000).toISOString());
  });
});

describe('controls for tests and benchmarks', () => {
  it('creates an order with an explicit lifecycle that the API then reports step by step', async () => {
    const { clock, sandbox, status } = await setup();
    const topup = sandbox.controls.createTopup({
      msisdn: '0661000001',
      planCode: 'PREPAID_MOBILIS',
      amount: 1000,
      ref: 'bench-1',
      timeline: [
        { status: 'PENDING', atMs: 0 },
        { status: 'HANDLING', atMs: 4_000 },
        { status: 'FULFILLED', atMs: 9_000 },
      ],
    });
    expect(topup).toMatchObject({ status: 'PENDING', ref: 'bench-1', balance_amount: 960 });
    clock.advance(4_000);
    expect((await status(topup._id)).status).toBe('HANDLING');
    clock.advance(5_000);
    expect((await status(topup._id)).status).toBe('FULFILLED');
    expect(sandbox.controls.get(topup._id)?.status).toBe('FULFILLED');
  });

  it('counts the upstream calls made for each order', async () => {
    const { sandbox, status } = await setup();
    const { _id } = sandbox.controls.createTopup({ msisdn: '0770000000', planCode: 'PIXX_500' });
    sandbox.controls.resetCalls();
    await status(_id);
    await status(_id);
    const calls = sandbox.controls.calls().filter((call) => call.topupId === _id);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      method: 'GET',
      path: `/v3/mobile/check-id/${_id}`,
      status: 200,
    });
  });

  it('generates background orders with the documented spread of outcomes and timings', async () => {
    const { sandbox, clock } = await setup({ seed: 7 });
    const ids = sandbox.controls.generateTraffic(1_000).map((t) => t._id);
    const tally = () => {
      const counts: Record<string, number> = {};
      for (const id of ids) {
        const status = sandbox.controls.get(id)?.status ?? 'missing';
        counts[status] = (counts[status] ?? 0) + 1;
      }
      return counts;
    };
    clock.advance(1_999);
    expect(tally()).toEqual({ PENDING: 1_000 });
    // Past the longest PENDING (15 s) + HANDLING (8 s): only the slow share is still handling.
    clock.advance(23_000 - 1_999);
    const early = tally();
    expect(early.HANDLING).toBeGreaterThan(5);
    expect(early.HANDLING).toBeLessThan(40);
    expect(early.UNKNOWN_ERROR).toBeGreaterThan(10);
    expect(early.FULFILLED).toBeGreaterThan(850);
    clock.advance(24 * 3_600_000);
    const late = tally();
    expect(Object.keys(late).sort()).toEqual(['FULFILLED', 'REFUNDED']);
    expect(late.REFUNDED).toBeGreaterThan(40);
  });
});
