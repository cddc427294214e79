import { describe, expect, it } from 'vitest';
import {
  SEED_FULFILLED,
  SEED_REFUNDED,
  SEED_REFUNDED_WITH_OFFERS,
} from '../../test/oneclick/seed-examples';
import { OneClickError } from './errors';
import { decimalFromNumber } from './money';
import { parseData, readEnvelope } from './response';
import { topupPageSchema, topupSchema } from './schemas';
import { plansResultSchema, transactionPageSchema, validateResultSchema } from './schemas-account';

const ok = (text: string) => ({ status: 200, headers: new Headers(), text });

function parseTopup(text: string) {
  const envelope = readEnvelope(ok(text), Date.now());
  return { envelope, topup: parseData(topupSchema, envelope, 200) };
}

const base = {
  _id: '6901616fe9e88196b4eb64b0',
  ref: 'order-12345',
  plan_code: 'PREPAID_DJEZZY',
  MSSIDN: '0778037340',
  topup_amount: '500',
  balance_amount: '490',
  created_at: '2025-10-29T00:35:59.378Z',
};

describe('the documented check-by-id examples', () => {
  it('parses the fulfilled example with amounts as decimal strings', () => {
    const { envelope, topup } = parseTopup(SEED_FULFILLED);
    expect(topup).toStrictEqual({ ...base, status: 'FULFILLED' });
    expect(envelope.requestId).toBe('req_1730160975_abc123');
    expect(envelope.meta?.timestamp).toBe('2025-10-29T00:36:15.606Z');
  });

  it('parses the refunded example with its Arabic refund message intact', () => {
    const { topup } = parseTopup(SEED_REFUNDED);
    expect(topup).toStrictEqual({
      ...base,
      status: 'REFUNDED',
      refund_message: 'الرصيد المطلوب غير متوفر لهذا الرقم',
    });
  });

  it('parses the refunded-with-suggestions example, offers included', () => {
    const { topup } = parseTopup(SEED_REFUNDED_WITH_OFFERS);
    expect(topup).toStrictEqual({
      ...base,
      status: 'REFUNDED',
      refund_message: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة',
      suggested_offers: [
        { typename: '📋 FACTURE | فاتورة', plan_code: 'FACTURE_DJEZZY', amount: '500' },
      ],
    });
  });
});

describe('top-up parsing', () => {
  const raw = JSON.parse(SEED_FULFILLED).data;

  it('tolerates unknown fields and null optionals without passing them on', () => {
    const topup = topupSchema.parse({ ...raw, updated_at: 'x', ref: null, retry_orderid: 'r1' });
    expect(topup).not.toHaveProperty('updated_at');
    expect(topup.ref).toBeUndefined();
    expect(topup.retry_orderid).toBe('r1');
  });

  it('keeps several suggested offers in order', () => {
    const offers = [
      { typename: 'A', plan_code: 'PREPAID_MOBILIS', amount: 100 },
      { typename: 'B', plan_code: 'PREPAID_MOBILIS', amount: 1000 },
    ];
    const topup = topupSchema.parse({ ...raw, status: 'REFUNDED', suggested_offers: offers });
    expect(topup.suggested_offers?.map((o) => o.amount)).toEqual(['100', '1000']);
  });

  it('turns a status it does not know into a malformed error, never a guess', () => {
    const text = JSON.stringify({ success: true, data: { ...raw, status: 'PARTIALLY_FILLED' } });
    const envelope = readEnvelope(ok(text), Date.now());
    expect(() => parseData(topupSchema, envelope, 200)).toThrow(
      expect.objectContaining({
        kind: 'malformed',
        message: expect.stringContaining('PARTIALLY_FILLED'),
      }),
    );
  });

  it.each([
    ['a missing required field', { ...raw, MSSIDN: undefined }],
    ['an amount sent as text', { ...raw, topup_amount: '500' }],
    ['a negative amount', { ...raw, balance_amount: -1 }],
    ['a non-date created_at', { ...raw, created_at: 'yesterday' }],
  ])('rejects %s as malformed', (_name, data) => {
    const envelope = readEnvelope(ok(JSON.stringify({ success: true, data })), Date.now());
    expect(() => parseData(topupSchema, envelope, 200)).toThrow(OneClickError);
  });

  it('reads a list page whose pagination is in the data', () => {
    const page = topupPageSchema.parse({
      items: [raw],
      pagination: { page: 1, pageSize: 20, totalPages: 1, totalResults: 1 },
    });
    expect(page.items[0]?.balance_amount).toBe('490');
  });
});

describe('money at the boundary', () => {
  it.each([
    [500, '500'],
    [496.25, '496.25'],
    [1326.13, '1326.13'],
    [0.9925, '0.9925'],
    [0, '0'],
  ])('writes %s as the decimal string %s', (input, expected) => {
    expect(decimalFromNumber(input)).toBe(expected);
  });

  it('refuses NaN, infinities and exponent notation', () => {
    expect(decimalFromNumber(Number.NaN)).toBeUndefined();
    expect(decimalFromNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(decimalFromNumber(1e21)).toBeUndefined();
  });
});

describe('account and catalogue parsing', () => {
  it('drops the key itself from the validate answer', () => {
    const result = validateResultSchema.parse({
      username: '+213665983439',
      apiKey: {
        key: 'secret-key',
        isEnabled: true,
        type: 'SANDBOX',
        allowedips: [],
        scope: 'READ-WRITE',
      },
    });
    expect(JSON.stringify(result)).not.toContain('secret-key');
    expect(result.apiKey.type).toBe('SANDBOX');
  });

  it('reads ledger rows with signed balances, under `items` or `transactions`', () => {
    const row = {
      _id: 't1',
      type: 'REFUND-FLEXY',
      amount: 490,
      oldBalance: -10.5,
      newBalance: 479.5,
      objid: '6901616fe9e88196b4eb64b0',
      time: '2025-10-29T00:36:15.606Z',
    };
    const pagination = { page: 1, pageSize: 20, totalPages: 1, totalResults: 1 };
    const a = transactionPageSchema.parse({ items: [row], pagination });
    const b = transactionPageSchema.parse({ transactions: [row], pagination });
    expect(a).toEqual(b);
    expect(a.items[0]).toMatchObject({ amount: '490', oldBalance: '-10.5', newBalance: '479.5' });
    expect(() => transactionPageSchema.parse({ pagination })).toThrow();
  });

  it('reads plans with and without a cost multiplier', () => {
    const plans = plansResultSchema.parse({
      dynamicPlans: [
        {
          code: 'GROS_MOBILIS',
          name: 'G',
          operator: 'GMobilis',
          isEnabled: true,
          min_amount: 5000,
          max_amount: 300000,
        },
        {
          code: 'PREPAID_DJEZZY',
          name: 'D',
          operator: 'Djezzy',
          cost: 0.9925,
          isEnabled: true,
          min_amount: 100,
          max_amount: 10000,
        },
      ],
      fixedPlans: [
        { code: 'PIXX_500', name: 'P', operator: 'Pixx', isEnabled: false, amount: 500 },
      ],
    });
    expect(plans.dynamicPlans[0]?.cost).toBeUndefined();
    expect(plans.dynamicPlans[1]?.cost).toBe('0.9925');
    expect(plans.fixedPlans[0]).toMatchObject({ amount: '500', isEnabled: false });
  });
});
