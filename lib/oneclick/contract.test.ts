import { describe, expect, it } from 'vitest';
import {
  facture,
  failureOf,
  listItem,
  NOW,
  pageOne,
  seedMeta,
  seedTopup,
  sendInput,
  TOPUP_ID,
  upstream,
} from '../../test/oneclick/contract-support';
import {
  BALANCE,
  CHANGELOG_BALANCE,
  CHECK_REF_FULFILLED,
  CHECK_REF_NOT_FOUND,
  DUPLICATED_REF,
  INSUFFICIENT_BALANCE,
  INVALID_ACCESS_TOKEN,
  IP_BLOCKED,
  LIST_PLANS_PAGE,
  LIST_TOPUPS_PAGE,
  MISSING_ACCESS_TOKEN,
  PLANS_GUIDE,
  QUICKSTART_CHECK_REF,
  QUICKSTART_SEND,
  QUICKSTART_VALIDATE,
  RESPONSE_FORMAT_SEND,
  RESPONSE_FORMAT_TRANSACTIONS,
  SEND_ERR_VALIDATION,
  SEND_SUCCESS,
  SEND_SUCCESS_GUIDE,
  VALIDATE,
} from '../../test/oneclick/doc-examples';
import {
  SEED_FULFILLED,
  SEED_REFUNDED,
  SEED_REFUNDED_WITH_OFFERS,
} from '../../test/oneclick/seed-examples';
import { verdictOf } from './circuit';

// Every documented response (doc-examples.ts, test-fixtures.ts) through the real pipeline:
// fetch → envelope → schema → client method, with the result a caller gets.

describe('documented check-by-id and check-by-ref answers', () => {
  it('reads the fulfilled check-by-id example with money as decimal strings', async () => {
    const { client, urls } = upstream(SEED_FULFILLED);
    expect(await client.checkId(TOPUP_ID)).toStrictEqual({
      data: { ...seedTopup, status: 'FULFILLED' },
      requestId: 'req_1730160975_abc123',
      meta: seedMeta,
    });
    expect(urls).toEqual([`https://upstream.test/v3/mobile/check-id/${TOPUP_ID}`]);
  });

  it('reads the refunded check-by-id example with the Arabic message for the customer', async () => {
    const { client } = upstream(SEED_REFUNDED);
    expect(await client.checkId(TOPUP_ID)).toStrictEqual({
      data: {
        ...seedTopup,
        status: 'REFUNDED',
        refund_message: 'الرصيد المطلوب غير متوفر لهذا الرقم',
      },
      requestId: 'req_1730160975_def456',
      meta: seedMeta,
    });
  });

  it('reads the refunded check-by-id example with its suggested offers', async () => {
    const { client } = upstream(SEED_REFUNDED_WITH_OFFERS);
    expect(await client.checkId(TOPUP_ID)).toStrictEqual({
      data: {
        ...seedTopup,
        status: 'REFUNDED',
        refund_message: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة',
        suggested_offers: [facture],
      },
      requestId: 'req_1730160975_ghi789',
      meta: seedMeta,
    });
  });

  it('reads the check-by-ref example for the ref it was asked about', async () => {
    const { client, urls } = upstream(CHECK_REF_FULFILLED);
    expect(await client.checkRef('order-12345')).toStrictEqual({
      data: { ...seedTopup, status: 'FULFILLED' },
      requestId: 'req_1730160975_xyz789',
      meta: seedMeta,
    });
    expect(urls).toEqual(['https://upstream.test/v3/mobile/check-ref/order-12345']);
  });

  it('reports the check-by-ref 404 as not_found with the upstream message', async () => {
    const { client } = upstream(CHECK_REF_NOT_FOUND, 404);
    const error = await failureOf(client.checkRef('order-12345'));
    expect(error).toMatchObject({
      kind: 'not_found',
      code: 'NOT_FOUND',
      httpStatus: 404,
      message: "Top-up with reference 'order-12345' not found",
      requestId: undefined,
    });
    expect(verdictOf(error, NOW)).toStrictEqual({ kind: 'accepted', at: NOW });
  });

  it('refuses the quickstart check-ref sketch: without an _id there is no order to act on', async () => {
    const { client } = upstream(QUICKSTART_CHECK_REF);
    const error = await failureOf(client.checkRef('order-001'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/data\._id/);
  });
});

describe('documented list answer', () => {
  it('reads the list example: the REFUNDED item with balance_amount 0 and its offers', async () => {
    const { client, urls } = upstream(LIST_TOPUPS_PAGE);
    expect(await client.list({ page: 1, pageSize: 20 })).toStrictEqual({
      data: { items: [listItem], rejected: [], pagination: pageOne },
      requestId: undefined,
      meta: undefined,
    });
    expect(urls).toEqual(['https://upstream.test/v3/mobile/list?page=1&pageSize=20']);
  });
});

describe('documented send answers', () => {
  it('reads the send-topup success example and sends the ref it was given', async () => {
    const { client, bodies } = upstream(SEND_SUCCESS);
    expect(await client.send({ ...sendInput, ref: 'order-12345' })).toStrictEqual({
      data: { topupId: TOPUP_ID, topupRef: 'API-+213665983439-test-1761698159224-success' },
      requestId: undefined,
      meta: { timestamp: '2025-10-29T00:35:59.454Z' },
    });
    expect(bodies).toEqual([{ ...sendInput, ref: 'order-12345' }]);
  });

  it('reads the sending guide example with its requestId', async () => {
    const { client } = upstream(SEND_SUCCESS_GUIDE);
    const ref = 'order-1730462400-user123';
    expect(await client.send({ ...sendInput, ref })).toStrictEqual({
      data: { topupId: TOPUP_ID, topupRef: ref },
      requestId: 'req_1730462400_abc123',
      meta: { timestamp: '2025-11-01T11:00:00.454Z' },
    });
  });

  it('reads the quickstart send example that has neither meta nor requestId', async () => {
    const { client } = upstream(QUICKSTART_SEND);
    expect(await client.send({ ...sendInput, ref: 'order-001' })).toStrictEqual({
      data: { topupId: TOPUP_ID, topupRef: 'order-001' },
      requestId: undefined,
      meta: undefined,
    });
  });

  it('reads newBalance from the response-format send example as a decimal string', async () => {
    const { client } = upstream(RESPONSE_FORMAT_SEND);
    expect(await client.send({ ...sendInput, ref: 'my-order-123' })).toStrictEqual({
      data: { topupId: TOPUP_ID, topupRef: 'my-order-123', newBalance: '826.13' },
      requestId: undefined,
      meta: { timestamp: '2025-10-29T00:35:59.454Z' },
    });
  });

  it('reports ERR_VALIDATION with the field and value at fault, and the ref sent', async () => {
    const { client } = upstream(SEND_ERR_VALIDATION, 400);
    const error = await failureOf(client.send({ ...sendInput, MSSIDN: '778037340', ref: 'r-1' }));
    expect(error).toMatchObject({
      kind: 'validation',
      code: 'ERR_VALIDATION',
      httpStatus: 400,
      message: 'body/MSSIDN must match pattern "^0[567][0-9]{8}$"',
      field: 'MSSIDN',
      value: '778037340',
      requestId: 'req_1730160959_xyz789',
      ref: 'r-1',
      outcomeUnknown: false,
    });
    expect(verdictOf(error, NOW)).toStrictEqual({ kind: 'accepted', at: NOW });
  });

  it('reports INSUFFICIENT_BALANCE with the required and available amounts', async () => {
    const { client } = upstream(INSUFFICIENT_BALANCE, 403);
    const error = await failureOf(client.send({ ...sendInput, ref: 'r-2' }));
    expect(error).toMatchObject({
      kind: 'insufficient_balance',
      code: 'INSUFFICIENT_BALANCE',
      httpStatus: 403,
      details: { required: 1000, available: 500 },
      requestId: 'req_abc123',
      ref: 'r-2',
      outcomeUnknown: false,
    });
    expect(verdictOf(error, NOW)).toStrictEqual({ kind: 'accepted', at: NOW });
  });

  it('reports DUPLICATED_REF as duplicate_ref, a settled refusal rather than a send in doubt', async () => {
    const { client, urls } = upstream(DUPLICATED_REF, 403);
    const error = await failureOf(client.send({ ...sendInput, ref: 'order-12345' }));
    expect(error).toMatchObject({
      kind: 'duplicate_ref',
      code: 'DUPLICATED_REF',
      httpStatus: 403,
      message: 'This reference ID is already in use',
      ref: 'order-12345',
      outcomeUnknown: false,
    });
    expect(urls).toHaveLength(1);
    expect(verdictOf(error, NOW)).toStrictEqual({ kind: 'accepted', at: NOW });
  });
});

describe('documented validate answers and key errors', () => {
  const validated = { username: '+213665983439', apiKey: { isEnabled: true, type: 'SANDBOX' } };

  it('reads the validate example and never hands the echoed key to the caller', async () => {
    const { client } = upstream(VALIDATE);
    const result = await client.validate();
    expect(result).toStrictEqual({
      data: {
        ...validated,
        apiKey: { ...validated.apiKey, allowedips: [], scope: 'READ-WRITE' },
      },
      requestId: undefined,
      meta: undefined,
    });
    expect(JSON.stringify(result)).not.toContain('ea27b376');
  });

  it('reads the quickstart validate example that omits key and allowedips', async () => {
    const { client } = upstream(QUICKSTART_VALIDATE);
    expect((await client.validate()).data).toStrictEqual({
      ...validated,
      apiKey: { ...validated.apiKey, allowedips: [], scope: 'READ-WRITE' },
    });
  });

  // validate-token says 400, error-handling files it under 401: either is a refused key.
  it.each([400, 401])(
    'treats MISSING_ACCESS_TOKEN with HTTP %i as a refused key',
    async (status) => {
      const { client } = upstream(MISSING_ACCESS_TOKEN, status);
      const error = await failureOf(client.validate());
      expect(error).toMatchObject({
        kind: 'auth',
        code: 'MISSING_ACCESS_TOKEN',
        httpStatus: status,
        message: 'Access token is required',
        requestId: 'req_abc123',
        attemptsLeft: undefined,
      });
      expect(verdictOf(error, NOW)).toStrictEqual({
        kind: 'refused',
        attemptsLeft: undefined,
        message: 'Access token is required',
        at: NOW,
      });
    },
  );

  it('reads attemptsLeft from INVALID_ACCESS_TOKEN and counts it as a refusal', async () => {
    const { client } = upstream(INVALID_ACCESS_TOKEN, 401);
    const error = await failureOf(client.validate());
    expect(error).toMatchObject({
      kind: 'auth',
      code: 'INVALID_ACCESS_TOKEN',
      httpStatus: 401,
      attemptsLeft: 3,
      requestId: 'req_abc123',
    });
    expect(verdictOf(error, NOW)).toStrictEqual({
      kind: 'refused',
      attemptsLeft: 3,
      message: 'The provided access token is invalid',
      at: NOW,
    });
  });

  it('takes IP_BLOCKED as a block of the documented 15 minutes', async () => {
    const { client } = upstream(IP_BLOCKED, 403);
    const error = await failureOf(client.validate());
    const message = 'Your IP has been temporarily blocked due to too many invalid attempts';
    expect(error).toMatchObject({
      kind: 'ip_blocked',
      code: 'IP_BLOCKED',
      httpStatus: 403,
      message,
      requestId: 'req_abc123',
    });
    expect(verdictOf(error, NOW)).toStrictEqual({
      kind: 'blocked',
      until: NOW + 15 * 60_000,
      message,
      at: NOW,
    });
  });
});

describe('documented balance, ledger and plans answers', () => {
  it('reads the balance example as the decimal string "1326.13"', async () => {
    const { client } = upstream(BALANCE);
    expect(await client.balance()).toStrictEqual({
      data: { balance: '1326.13' },
      requestId: undefined,
      meta: { timestamp: '2025-10-29T00:35:58.710Z' },
    });
  });

  it('reads the changelog balance example with its currency', async () => {
    const { client } = upstream(CHANGELOG_BALANCE);
    expect(await client.balance()).toStrictEqual({
      data: { balance: '50000', currency: 'DZD' },
      requestId: 'req_abc123',
      meta: { timestamp: '2025-10-29T00:00:00.000Z' },
    });
  });

  // Reported, not changed here: the row has no _id, oldBalance or newBalance, and ledger pages
  // are parsed whole (one odd row refuses the page), unlike top-up lists.
  it('refuses the response-format ledger sketch whose row lacks _id and balances', async () => {
    const { client } = upstream(RESPONSE_FORMAT_TRANSACTIONS);
    const error = await failureOf(client.transactions());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/items\.0\._id/);
  });

  it('reads the list-plans example: cost as a decimal string, absent where the page omits it', async () => {
    const { client } = upstream(LIST_PLANS_PAGE);
    expect((await client.plans()).data).toStrictEqual({
      dynamicPlans: [
        {
          code: 'GROS_MOBILIS',
          name: '📱 GROS MOBILIS | جملة',
          operator: 'GMobilis',
          isEnabled: true,
          min_amount: '5000',
          max_amount: '300000',
        },
        {
          code: 'PREPAID_DJEZZY',
          name: '📱 PREPAID | عادي',
          operator: 'Djezzy',
          cost: '0.9925',
          isEnabled: true,
          min_amount: '100',
          max_amount: '10000',
        },
      ],
      fixedPlans: [],
    });
  });

  it('reads the plan-loading guide plans, GETMENU and fixed ones included', async () => {
    const { client } = upstream(PLANS_GUIDE);
    const { dynamicPlans, fixedPlans } = (await client.plans()).data;
    expect(dynamicPlans.map((p) => [p.code, p.cost, p.min_amount, p.max_amount])).toEqual([
      ['PREPAID_DJEZZY', '0.98', '50', '5000'],
      ['GETMENU_Mobilis', '0.98', '50', '5000'],
      ['PREPAID_MOBILIS', '0.96', '40', '3999'],
    ]);
    expect(fixedPlans).toStrictEqual([
      {
        code: 'PIXX_500',
        name: 'Pixx 500 DA',
        operator: 'Pixx',
        cost: '0.97',
        isEnabled: true,
        amount: '500',
      },
    ]);
  });
});
