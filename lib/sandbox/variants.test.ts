import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSandboxes, type Json, openSandbox, T0 } from '../../test/sandbox';
import { createManualClock } from './clock';
import { FACTURE_OFFER } from './messages';
import { GARBLE_KINDS, type GarbleKind } from './variants';

afterEach(closeSandboxes);

const djezzy = (MSSIDN: string, ref?: string) => ({
  plan_code: 'PREPAID_DJEZZY',
  MSSIDN,
  amount: 500,
  ...(ref ? { ref } : {}),
});

describe('balance_amount 0 on REFUNDED (the list-topups example)', () => {
  it('0600000002 shows its charge until REFUNDED, then 0 in check-id and list; the ledger keeps the real money', async () => {
    const { clock, send, checkId, list, ledger } = await openSandbox();
    const { topupId } = (await send(djezzy('0600000002'))).data;
    clock.advance(14_999);
    expect((await checkId(topupId)).balance_amount).toBe(496.25);
    clock.advance(1);
    expect(await checkId(topupId)).toMatchObject({ status: 'REFUNDED', balance_amount: 0 });
    expect((await list()).items[0]).toMatchObject({ _id: topupId, balance_amount: 0 });
    expect((await ledger()).map((r: Json) => [r.type, r.amount, r.objid])).toEqual([
      ['REFUND-FLEXY', 496.25, topupId],
      ['FLEXY', 496.25, topupId],
    ]);
  });

  it('0600000001 keeps balance_amount once REFUNDED, as the check-id example does', async () => {
    const { clock, send, checkId } = await openSandbox();
    const { topupId } = (await send(djezzy('0600000001'))).data;
    clock.advance(15_000);
    expect(await checkId(topupId)).toMatchObject({ status: 'REFUNDED', balance_amount: 496.25 });
  });

  it('createTopup sets it per order, either way, and it survives a restart', async () => {
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sandbox-zero-')), 's.json');
    const clock = createManualClock(T0);
    const first = await openSandbox({ clock, stateFile });
    const zeroed = first.sandbox.controls.createTopup({
      msisdn: '0600000001',
      planCode: 'PIXX_500',
      zeroBalanceWhenRefunded: true,
    });
    const kept = first.sandbox.controls.createTopup({
      msisdn: '0600000002',
      planCode: 'PIXX_500',
      zeroBalanceWhenRefunded: false,
    });
    await first.sandbox.close();
    clock.advance(15_000);
    const second = await openSandbox({ clock, stateFile });
    expect((await second.checkId(zeroed._id)).balance_amount).toBe(0);
    expect((await second.checkId(kept._id)).balance_amount).toBe(485);
  });
});

describe('envelope variants', () => {
  it('setEnvelope drops requestId and/or meta from success answers, never from errors', async () => {
    const { sandbox, call } = await openSandbox();
    sandbox.controls.setEnvelope({ requestId: false });
    const noId = (await call('/account/balance')).body;
    expect(noId).not.toHaveProperty('requestId');
    expect(noId.meta.timestamp).toBe('2025-10-29T00:35:59.000Z');
    const error = (await call('/mobile/check-id/nope')).body;
    expect(error.requestId).toMatch(/^req_\d+_[0-9a-f]+$/);

    sandbox.controls.setEnvelope({ meta: false });
    const noMeta = (await call('/validate')).body;
    expect(Object.keys(noMeta).sort()).toEqual(['data', 'requestId', 'success']);

    sandbox.controls.setEnvelope({});
    expect(Object.keys((await call('/validate')).body).sort()).toEqual([
      'data',
      'meta',
      'requestId',
      'success',
    ]);
  });

  it('startSandbox({ envelope }) answers success as bare { success, data } from the start', async () => {
    const { call } = await openSandbox({ envelope: { requestId: false, meta: false } });
    expect((await call('/account/balance')).body).toEqual({
      success: true,
      data: { balance: 10_000, currency: 'DZD' },
    });
  });
});

describe('fields the docs do not list', () => {
  it('setExtraFields(true) adds __v and operator_ref to every top-up object and version to the envelope', async () => {
    const { sandbox, send, call, get } = await openSandbox();
    const { topupId } = (await send(djezzy('0778037340', 'extra'))).data;
    sandbox.controls.setExtraFields(true);
    const byId = await get(`/mobile/check-id/${topupId}`);
    expect(byId.version).toBe('3.1');
    expect(byId.data).toMatchObject({ _id: topupId, __v: 0 });
    expect(byId.data.operator_ref).toMatch(/^OP-[0-9A-F]{10}$/);
    expect((await get('/mobile/check-ref/extra')).data).toEqual(byId.data);
    expect((await get('/mobile/list')).data.items[0]).toEqual(byId.data);
    expect((await call('/mobile/check-id/nope')).body.version).toBe('3.1');

    sandbox.controls.setExtraFields(false);
    const plain = await get(`/mobile/check-id/${topupId}`);
    expect(plain).not.toHaveProperty('version');
    expect(plain.data).not.toHaveProperty('__v');
  });

  it('startSandbox({ extraFields }) with an object adds exactly those fields', async () => {
    const { send, get } = await openSandbox({
      extraFields: { topup: { updatedAt: 'x' }, envelope: { server: 'eu-1' } },
    });
    const { topupId } = (await send(djezzy('0778037340'))).data;
    const body = await get(`/mobile/check-id/${topupId}`);
    expect(body.server).toBe('eu-1');
    expect(body.data.updatedAt).toBe('x');
    expect(body.data).not.toHaveProperty('__v');
  });
});

describe('garbled items', () => {
  const expectations: Record<GarbleKind, (item: Json) => void> = {
    'unknown-status': (item) => expect(item.status).toBe('PROCESSING'),
    'missing-balance': (item) => {
      expect(item).not.toHaveProperty('balance_amount');
      expect(item._id).toMatch(/^[0-9a-f]{24}$/);
    },
    'string-offer-amount': (item) =>
      expect(item.suggested_offers).toEqual([{ ...FACTURE_OFFER, amount: '500' }]),
    'number-ref': (item) => expect(item.ref).toBe(12345),
    'number-msisdn': (item) => expect(item.MSSIDN).toBe(778037340),
    'missing-id': (item) => {
      expect(item).not.toHaveProperty('_id');
      expect(item.balance_amount).toBe(496.25);
    },
    'not-an-object': (item) => expect(item).toBe('oops'),
  };

  it.each(GARBLE_KINDS)(
    '%s: only that order comes out wrong, in list, check-id and check-ref',
    async (kind) => {
      const { sandbox, send, checkId, checkRef, list } = await openSandbox();
      const { topupId: cleanId } = (await send(djezzy('0770000000', 'clean'))).data;
      const { topupId } = (await send(djezzy('0778037340', 'order-12345'))).data;
      const clean = await checkId(cleanId);
      sandbox.controls.garble(topupId, kind);
      const items = (await list()).items;
      expectations[kind](items[0]);
      expectations[kind](await checkId(topupId));
      expectations[kind](await checkRef('order-12345'));
      expect(items[1]).toEqual(clean);
      // The controls still see the order as it is.
      expect(sandbox.controls.get(topupId)).toMatchObject({ _id: topupId, status: 'PENDING' });

      sandbox.controls.garble(topupId, null);
      expect(await checkId(topupId)).toMatchObject({ _id: topupId, ref: 'order-12345' });
    },
  );

  it('string-offer-amount turns the offers an order already has into strings', async () => {
    const { clock, sandbox, send, checkId } = await openSandbox();
    const { topupId } = (await send({ plan_code: 'GETMENU_Mobilis', MSSIDN: '0661234567' })).data;
    clock.advance(15_000);
    sandbox.controls.garble(topupId, 'string-offer-amount');
    const amounts = (await checkId(topupId)).suggested_offers.map((o: Json) => o.amount);
    expect(amounts).toEqual(['100', '500', '1000']);
  });

  it('refuses to garble an order that does not exist', async () => {
    const { sandbox } = await openSandbox();
    expect(() => sandbox.controls.garble('000000000000000000000000', 'missing-id')).toThrow(
      /no top-up/,
    );
  });
});
