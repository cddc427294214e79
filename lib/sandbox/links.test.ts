import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSandboxes, type Json, openSandbox, T0 } from '../../test/sandbox';
import { createManualClock } from './clock';
import { MESSAGES } from './messages';
import { isTestNumber, TEST_NUMBERS } from './numbers';

afterEach(closeSandboxes);

const iso = (ms: number) => new Date(ms).toISOString();
const order = (MSSIDN: string, ref: string) => ({
  plan_code: 'PREPAID_DJEZZY',
  MSSIDN,
  amount: 500,
  ref,
});
const rows = (ledger: Json[]) => ledger.map((r) => [r.type, r.amount, r.objid, r.time]);

describe('linked orders (retry_orderid / follow_orderid)', () => {
  it('the sandbox-only numbers 0600000004-6 are test numbers that any plan accepts', async () => {
    const { send } = await openSandbox();
    for (const msisdn of ['0600000004', '0600000005', '0600000006']) {
      expect(isTestNumber(msisdn)).toBe(true);
      const sent = await send({ plan_code: 'PREPAID_OOREDOO', MSSIDN: msisdn, amount: 100 });
      expect(sent.success).toBe(true);
    }
    expect(TEST_NUMBERS.refundedThenFollowFulfilled).toBe('0600000006');
  });

  it('0600000004: at the refund instant a retry appears, linked by retry_orderid, and is fulfilled 15 s later', async () => {
    const { clock, send, checkId, list, balance } = await openSandbox();
    const { topupId } = (await send(order('0600000004', 'o-4'))).data;
    clock.advance(14_999);
    expect(await checkId(topupId)).not.toHaveProperty('retry_orderid');
    expect((await list()).items).toHaveLength(1);

    clock.advance(1);
    const original = await checkId(topupId);
    expect(original).toMatchObject({ status: 'REFUNDED', refund_message: MESSAGES.wrongNumber });
    expect(original).not.toHaveProperty('follow_orderid');
    const retryId = original.retry_orderid;
    expect(retryId).toMatch(/^[0-9a-f]{24}$/);
    expect(await checkId(retryId)).toEqual({
      _id: retryId,
      ref: 'o-4-retry',
      status: 'PENDING',
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0600000004',
      topup_amount: 500,
      balance_amount: 496.25,
      created_at: iso(T0 + 15_000),
    });
    expect((await list()).items.map((t: Json) => t._id)).toEqual([retryId, topupId]);
    clock.advance(5_000);
    expect((await checkId(retryId)).status).toBe('HANDLING');
    clock.advance(10_000);
    expect((await checkId(retryId)).status).toBe('FULFILLED');
    // Charged once net: the original's debit came back, the retry's stays.
    expect(await balance()).toBe(10_000 - 496.25);
  });

  it('0600000005: read only long after, the retry is already REFUNDED and the ledger is in time order', async () => {
    const { clock, send, checkId, ledger, balance } = await openSandbox();
    const { topupId } = (await send(order('0600000005', 'o-5'))).data;
    clock.advance(3_600_000);
    const retryId = (await checkId(topupId)).retry_orderid;
    expect(await checkId(retryId)).toMatchObject({
      status: 'REFUNDED',
      created_at: iso(T0 + 15_000),
      refund_message: MESSAGES.wrongNumber,
    });
    expect(await checkId(retryId)).not.toHaveProperty('retry_orderid');
    expect(rows(await ledger())).toEqual([
      ['REFUND-FLEXY', 496.25, retryId, iso(T0 + 30_000)],
      ['FLEXY', 496.25, retryId, iso(T0 + 15_000)],
      ['REFUND-FLEXY', 496.25, topupId, iso(T0 + 15_000)],
      ['FLEXY', 496.25, topupId, iso(T0)],
    ]);
    expect(await balance()).toBe(10_000);
  });

  it('0600000006: a follow-up order, linked by follow_orderid, ends FULFILLED', async () => {
    const { clock, send, checkId } = await openSandbox();
    const { topupId } = (await send(order('0600000006', 'o-6'))).data;
    clock.advance(60_000);
    const original = await checkId(topupId);
    expect(original).not.toHaveProperty('retry_orderid');
    expect(await checkId(original.follow_orderid)).toMatchObject({
      ref: 'o-6-follow',
      status: 'FULFILLED',
    });
  });

  it('the linked order is created once however often and however the original is read', async () => {
    const { clock, send, checkId, checkRef, list, sandbox } = await openSandbox();
    const { topupId } = (await send(order('0600000004', 'once'))).data;
    for (const step of [15_000, 1, 10_000, 3_600_000]) {
      clock.advance(step);
      await checkId(topupId);
      await checkRef('once');
      await list();
      sandbox.controls.get(topupId);
    }
    expect((await list()).pagination.totalResults).toBe(2);
  });

  it('a retry that reuses the ref: check-ref answers the newest order, list shows both', async () => {
    const { clock, sandbox, checkRef, list, send } = await openSandbox();
    const original = sandbox.controls.createTopup({
      msisdn: '0661000001',
      planCode: 'PREPAID_MOBILIS',
      amount: 1000,
      ref: 'shared',
      link: { kind: 'retry', final: 'FULFILLED', reuseRef: true },
    });
    clock.advance(14_999);
    expect((await checkRef('shared'))._id).toBe(original._id);
    clock.advance(1);
    const viaControls = sandbox.controls.getByRef('shared');
    expect(viaControls?._id).not.toBe(original._id);
    const newest = await checkRef('shared');
    expect(newest._id).toBe(viaControls?._id);
    expect(newest).toMatchObject({ ref: 'shared', status: 'PENDING' });
    expect(newest._id).toBe(sandbox.controls.get(original._id)?.retry_orderid);
    expect((await list()).items.map((t: Json) => [t._id, t.ref])).toEqual([
      [newest._id, 'shared'],
      [original._id, 'shared'],
    ]);
    const again = await send({ ...order('0778037340', 'shared') });
    expect(again.error.code).toBe('DUPLICATED_REF');
  });

  it('createTopup: a link on a number that would be fulfilled makes it fail first; link null turns a number default off', async () => {
    const { clock, sandbox } = await openSandbox();
    const linked = sandbox.controls.createTopup({
      msisdn: '0778037340',
      planCode: 'PIXX_500',
      link: { kind: 'follow', final: 'REFUNDED' },
    });
    const unlinked = sandbox.controls.createTopup({
      msisdn: '0600000004',
      planCode: 'PIXX_500',
      link: null,
    });
    clock.advance(15_000);
    const view = sandbox.controls.get(linked._id);
    expect(view).toMatchObject({ status: 'REFUNDED', refund_message: MESSAGES.wrongNumber });
    expect(sandbox.controls.get(view?.follow_orderid ?? '')?.status).toBe('PENDING');
    expect(sandbox.controls.get(unlinked._id)).not.toHaveProperty('retry_orderid');
  });
});

describe('linked orders across a restart with the state file', () => {
  const stateFile = () =>
    path.join(mkdtempSync(path.join(os.tmpdir(), 'sandbox-links-')), 'sandbox.json');

  it('a link due while the sandbox was down is made once, dated at the refund instant', async () => {
    const file = stateFile();
    const clock = createManualClock(T0);
    const first = await openSandbox({ clock, stateFile: file });
    const { topupId } = (await first.send(order('0600000004', 'down'))).data;
    await first.sandbox.close();

    clock.advance(60_000);
    const second = await openSandbox({ clock, stateFile: file });
    const retryId = (await second.checkId(topupId)).retry_orderid;
    expect(await second.checkId(retryId)).toMatchObject({
      status: 'FULFILLED',
      created_at: iso(T0 + 15_000),
    });
    await second.sandbox.close();

    const third = await openSandbox({ clock, stateFile: file });
    expect((await third.list()).items.map((t: Json) => t._id)).toEqual([retryId, topupId]);
    expect((await third.ledger()).map((r: Json) => r.type)).toEqual([
      'FLEXY',
      'REFUND-FLEXY',
      'FLEXY',
    ]);
  });

  it('a link made before the restart is not made again after it', async () => {
    const file = stateFile();
    const clock = createManualClock(T0);
    const first = await openSandbox({ clock, stateFile: file });
    const { topupId } = (await first.send(order('0600000005', 'up'))).data;
    clock.advance(20_000);
    const retryId = (await first.checkId(topupId)).retry_orderid;
    await first.sandbox.close();

    clock.advance(3_600_000);
    const second = await openSandbox({ clock, stateFile: file });
    expect((await second.checkId(topupId)).retry_orderid).toBe(retryId);
    expect((await second.list()).pagination.totalResults).toBe(2);
    expect(await second.balance()).toBe(10_000);
  });
});
