import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import { type Sandbox, startSandbox } from './server';

let sandbox: Sandbox;
let client: ReturnType<typeof createOneClickClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ balance: 1_000 });
  client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxRetries: 0 });
});
afterAll(() => sandbox.close());

const send = (body: { plan_code: string; MSSIDN: string; amount?: number; ref?: string }) =>
  client.send(body).catch((error) => error);

async function rawSend(body: unknown) {
  const res = await fetch(`${sandbox.url}/mobile/send`, {
    method: 'POST',
    headers: { 'X-Access-Token': sandbox.apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('send validation, as the upstream documents it', () => {
  it('rejects a number without its leading zero, quoting the pattern', async () => {
    expect(
      await send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '778037340', amount: 500 }),
    ).toMatchObject({
      kind: 'validation',
      httpStatus: 400,
      code: 'ERR_VALIDATION',
      field: 'MSSIDN',
      value: '778037340',
      message: 'body/MSSIDN must match pattern "^0[567][0-9]{8}$"',
    });
  });

  it('rejects a phone number sent as a JSON number', async () => {
    const { status, body } = await rawSend({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: 778037340,
      amount: 500,
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'ERR_VALIDATION',
      details: { field: 'MSSIDN', value: 778037340 },
    });
  });

  it('names the missing field', async () => {
    const { body } = await rawSend({ MSSIDN: '0778037340' });
    expect(body.error).toMatchObject({
      message: "body must have required property 'plan_code'",
      details: { field: 'plan_code' },
    });
  });

  it.each([
    ['an unknown plan', { plan_code: 'NOPE', MSSIDN: '0778037340', amount: 500 }, 'plan_code'],
    [
      'a disabled plan',
      { plan_code: 'FACTURE_MOBILIS', MSSIDN: '0661234567', amount: 500 },
      'plan_code',
    ],
    [
      'a dynamic plan without amount',
      { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340' },
      'amount',
    ],
    [
      'an amount under the minimum',
      { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 99 },
      'amount',
    ],
    [
      'an amount over the maximum',
      { plan_code: 'PREPAID_MOBILIS', MSSIDN: '0661234567', amount: 4000 },
      'amount',
    ],
    [
      'a number of another operator',
      { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0661234567', amount: 500 },
      'MSSIDN',
    ],
  ])('rejects %s', async (_name, body, field) => {
    expect(await send(body)).toMatchObject({ kind: 'validation', field });
  });

  it('accepts the sandbox test numbers with any plan', async () => {
    const result = await send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0600000002', amount: 100 });
    expect(result.data.topupId).toMatch(/^[0-9a-f]{24}$/);
  });

  it('refuses a ref that was already used with DUPLICATED_REF, creating nothing', async () => {
    const first = await send({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      amount: 100,
      ref: 'dup-1',
    });
    const second = await send({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      amount: 100,
      ref: 'dup-1',
    });
    expect(second).toMatchObject({
      kind: 'duplicate_ref',
      httpStatus: 403,
      ref: 'dup-1',
      outcomeUnknown: false,
    });
    expect((await client.checkRef('dup-1')).data._id).toBe(first.data.topupId);
  });

  it('refuses a top-up the balance cannot cover, saying what is required and available', async () => {
    const before = (await client.balance()).data.balance;
    const error = await send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 5_000 });
    expect(error).toMatchObject({ kind: 'insufficient_balance', httpStatus: 403 });
    expect(error.details).toEqual({ required: 4962.5, available: Number(before) });
    expect((await client.balance()).data.balance).toBe(before);
  });
});
