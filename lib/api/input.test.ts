import { describe, expect, it } from 'vitest';
import { parseIngestBody } from './input';

const parse = (body: unknown) => parseIngestBody(body);
const error = (body: unknown) => {
  const result = parse(body);
  if (result.ok) throw new Error('expected a refusal');
  return result.reply;
};

describe('the registration body', () => {
  it('takes the customer price as whole DZD or a decimal string, and keeps it as a two-place string', () => {
    for (const [price, stored] of [
      [0, '0.00'],
      [500, '500.00'],
      ['500', '500.00'],
      ['500.5', '500.50'],
      ['1000000000', '1000000000.00'],
      ['0.99', '0.99'],
    ] as const) {
      expect(parse({ topupId: 'abc', customerPrice: price })).toEqual({
        ok: true,
        value: { topupId: 'abc', customerPrice: stored },
      });
    }
  });

  it('refuses fractional JSON numbers and out-of-range prices, naming customerPrice', () => {
    for (const price of [12.5, -1, '1000000000.01', '1e3', '012', 1e10]) {
      expect(error({ topupId: 'abc', customerPrice: price })).toMatchObject({
        status: 400,
        body: { error: 'invalid_field', field: 'customerPrice' },
      });
    }
  });

  it('says which field is missing, unknown or of the wrong type', () => {
    expect(error({ ref: 'r' }).body).toEqual({
      error: 'missing_field',
      field: 'topupId',
      message: 'topupId is required.',
    });
    expect(error({ topupId: 'abc', customer_price: 5 }).body).toMatchObject({
      error: 'unknown_field',
      field: 'customer_price',
      message: expect.stringContaining('"customer_price"'),
    });
    expect(error({ topupId: null }).body).toMatchObject({
      error: 'invalid_field',
      field: 'topupId',
    });
    expect(error({ topupId: 'abc', ref: null }).body).toMatchObject({ field: 'ref' });
    expect(error([{ topupId: 'abc' }]).body).toMatchObject({ error: 'invalid_body' });
  });

  it('accepts customer references in any script but not control characters or edge spaces', () => {
    expect(parse({ topupId: 'abc', customerRef: 'طلب ٤٢' }).ok).toBe(true);
    for (const ref of ['a\u0000b', ' padded', 'x'.repeat(129), '']) {
      expect(error({ topupId: 'abc', customerRef: ref }).body).toMatchObject({
        field: 'customerRef',
      });
    }
  });
});
