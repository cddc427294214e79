import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import { createManualClock } from './clock';
import { type Sandbox, startSandbox } from './server';

// Every emulator endpoint, through the real client, over real HTTP.
let sandbox: Sandbox;
let client: ReturnType<typeof createOneClickClient>;
const clock = createManualClock(Date.UTC(2025, 9, 29, 0, 0, 0));

beforeAll(async () => {
  sandbox = await startSandbox({ clock, balance: 10_000, seed: 1 });
  client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxRetries: 0 });
});
afterAll(() => sandbox.close());

describe('sandbox endpoints through the client', () => {
  it('validate says the key is a sandbox key', async () => {
    const { data, requestId, meta } = await client.validate();
    expect(data.apiKey).toMatchObject({ type: 'SANDBOX', isEnabled: true, scope: 'READ-WRITE' });
    expect(requestId).toMatch(/^req_\d+_[0-9a-f]+$/);
    expect(meta?.timestamp).toBe('2025-10-29T00:00:00.000Z');
  });

  it('ping reports the API and each operator', async () => {
    sandbox.controls.setOperators({ djezzy: 'down' });
    const { data } = await client.ping();
    expect(data).toEqual({
      api: 'ok',
      operators: { mobilis: 'up', ooredoo: 'up', djezzy: 'down', mobilisFixedPlans: 'up' },
    });
    sandbox.controls.setOperators({ djezzy: 'up' });
  });

  it('plans lists the documented plans, one of them disabled', async () => {
    const { data } = await client.plans();
    const codes = [...data.dynamicPlans, ...data.fixedPlans].map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'PREPAID_DJEZZY',
        'PREPAID_MOBILIS',
        'PREPAID_OOREDOO',
        'GROS_MOBILIS',
        'PIXX_500',
        'MIX500_MOBILIS',
        'FACTURE_DJEZZY',
        'GETMENU_Mobilis',
      ]),
    );
    expect(data.dynamicPlans.find((p) => p.code === 'PREPAID_DJEZZY')).toMatchObject({
      cost: '0.9925',
      min_amount: '100',
      max_amount: '10000',
    });
    expect(data.dynamicPlans.find((p) => p.code === 'GROS_MOBILIS')?.cost).toBeUndefined();
    expect([...data.dynamicPlans, ...data.fixedPlans].some((p) => !p.isEnabled)).toBe(true);
  });

  it('send debits amount × cost, and check-id / check-ref return the same order', async () => {
    const sent = await client.send({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      amount: 500,
      ref: 'order-12345',
    });
    expect(sent.data).toEqual({
      topupId: expect.stringMatching(/^[0-9a-f]{24}$/),
      topupRef: 'order-12345',
      newBalance: '9503.75',
    });
    const byId = await client.checkId(sent.data.topupId);
    const byRef = await client.checkRef('order-12345');
    expect(byId.data).toEqual(byRef.data);
    expect(byId.data).toMatchObject({
      status: 'PENDING',
      topup_amount: '500',
      balance_amount: '496.25',
    });
    expect((await client.balance()).data).toEqual({ balance: '9503.75', currency: 'DZD' });
  });

  it('a fixed plan tops up its own amount whatever the caller sends', async () => {
    const sent = await client.send({ plan_code: 'PIXX_500', MSSIDN: '0661000000', amount: 123 });
    expect((await client.checkId(sent.data.topupId)).data).toMatchObject({
      topup_amount: '500',
      balance_amount: '485',
    });
  });

  it('transactions show FLEXY debits with old/new balance and the top-up id, newest first', async () => {
    const { data } = await client.transactions();
    const ids = (await client.list()).data.items.map((t) => t._id);
    expect(data.items.map((row) => row.type)).toEqual(['FLEXY', 'FLEXY']);
    expect(data.items[1]).toMatchObject({
      amount: '496.25',
      oldBalance: '10000',
      newBalance: '9503.75',
      objid: ids[1],
    });
    expect(data.pagination).toEqual({ page: 1, pageSize: 20, totalPages: 1, totalResults: 2 });
  });

  it('list pages newest first and filters by from/to', async () => {
    clock.advance(60_000);
    await client.send({
      plan_code: 'PREPAID_OOREDOO',
      MSSIDN: '0555123456',
      amount: 100,
      ref: 'later',
    });
    const first = await client.list({ page: 1, pageSize: 2 });
    expect(first.data.items[0]?.ref).toBe('later');
    expect(first.data.pagination).toEqual({ page: 1, pageSize: 2, totalPages: 2, totalResults: 3 });
    const second = await client.list({ page: 2, pageSize: 2 });
    expect(second.data.items.map((t) => t.ref)).toEqual(['order-12345']);
    const window = await client.list({
      from: new Date(clock.now() - 1_000),
      to: new Date(clock.now()),
    });
    expect(window.data.items.map((t) => t.ref)).toEqual(['later']);
  });

  it('list refuses a page size above 100 and a from without a to', async () => {
    await expect(client.list({ pageSize: 101 })).rejects.toMatchObject({
      kind: 'validation',
      field: 'pageSize',
    });
    const raw = await fetch(`${sandbox.url}/mobile/list?from=2025-10-01T00:00:00Z`, {
      headers: { 'X-Access-Token': sandbox.apiKey },
    });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error.code).toBe('ERR_VALIDATION');
  });

  it('check-id and check-ref answer NOT_FOUND for an order that does not exist', async () => {
    await expect(client.checkId('000000000000000000000000')).rejects.toMatchObject({
      kind: 'not_found',
      httpStatus: 404,
    });
    await expect(client.checkRef('order-404')).rejects.toMatchObject({
      kind: 'not_found',
      message: "Top-up with reference 'order-404' not found",
    });
  });
});
