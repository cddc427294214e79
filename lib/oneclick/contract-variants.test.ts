import { describe, expect, it } from 'vitest';
import {
  type ExampleJson,
  edit,
  facture,
  failureOf,
  listItem,
  pageOne,
  seedTopup,
  TOPUP_ID,
  upstream,
} from '../../test/oneclick/contract-support';
import { LIST_TOPUPS_FIRST_ITEM } from '../../test/oneclick/doc-examples';
import {
  SEED_FULFILLED,
  SEED_REFUNDED,
  SEED_REFUNDED_WITH_OFFERS,
} from '../../test/oneclick/seed-examples';

// The documented answers, changed the ways the docs say (or show) they may differ.

describe('variants of the documented answers', () => {
  const seedWith = (change: (json: ExampleJson) => void) => edit(SEED_FULFILLED, change);
  const pageOf = (items: unknown[]) =>
    JSON.stringify({
      success: true,
      data: { items, pagination: { ...pageOne, totalResults: items.length } },
    });
  const docItem = () => JSON.parse(LIST_TOPUPS_FIRST_ITEM);
  const seedItem = () => JSON.parse(SEED_FULFILLED).data;

  it('accepts an envelope without requestId', async () => {
    const { client } = upstream(seedWith((json) => delete json.requestId));
    const result = await client.checkId(TOPUP_ID);
    expect(result.requestId).toBeUndefined();
    expect(result.data).toStrictEqual({ ...seedTopup, status: 'FULFILLED' });
  });

  it('accepts an envelope without meta', async () => {
    const { client } = upstream(seedWith((json) => delete json.meta));
    const result = await client.checkId(TOPUP_ID);
    expect(result.meta).toBeUndefined();
    expect(result.requestId).toBe('req_1730160975_abc123');
  });

  it('strips unknown fields in the envelope, the top-up and its offers', async () => {
    const text = edit(SEED_REFUNDED_WITH_OFFERS, (json) => {
      json.apiVersion = '3.0.1';
      json.data.operator_tx = 'DJZ-99812';
      for (const offer of json.data.suggested_offers) offer.validity = '30d';
    });
    const { client } = upstream(text);
    const expected = await upstream(SEED_REFUNDED_WITH_OFFERS).client.checkId(TOPUP_ID);
    expect(await client.checkId(TOPUP_ID)).toStrictEqual(expected);
  });

  it('accepts a top-up without balance_amount, leaving what we were charged unknown', async () => {
    const { client } = upstream(seedWith((json) => delete json.data.balance_amount));
    const { data } = await client.checkId(TOPUP_ID);
    expect(data.balance_amount).toBeUndefined();
    expect(data.topup_amount).toBe('500');
  });

  it('reads a suggested offer amount written as the string "500"', async () => {
    const text = edit(SEED_REFUNDED_WITH_OFFERS, (json) => {
      for (const offer of json.data.suggested_offers) offer.amount = '500';
    });
    const { client } = upstream(text);
    expect((await client.checkId(TOPUP_ID)).data.suggested_offers).toStrictEqual([facture]);
  });

  it('reads a ref sent as a JSON number as its digits', async () => {
    const { client } = upstream(seedWith((json) => (json.data.ref = 12345)));
    expect((await client.checkRef('12345')).data.ref).toBe('12345');
  });

  it('reads an MSSIDN sent as a JSON number as a string', async () => {
    const { client } = upstream(seedWith((json) => (json.data.MSSIDN = 778037340)));
    expect((await client.checkId(TOPUP_ID)).data.MSSIDN).toBe('778037340');
  });

  it('sets a list item with an unknown status aside and keeps the rest of the page', async () => {
    const processing = { ...seedItem(), _id: '6901617ae9e88196b4eb64b9', status: 'PROCESSING' };
    const { client } = upstream(pageOf([docItem(), processing, seedItem()]));
    const { data } = await client.list();
    expect(data.items.map((item) => item._id)).toEqual(['69016194e9e88196b4eb64ce', TOPUP_ID]);
    expect(data.rejected).toHaveLength(1);
    expect(data.rejected[0]).toMatchObject({
      raw: processing,
      topupId: '6901617ae9e88196b4eb64b9',
    });
    expect(data.rejected[0]?.error).toContain('PROCESSING');
  });

  it('sets a list item that is not an object aside with no top-up id', async () => {
    const { client } = upstream(pageOf([docItem(), 'oops', null]));
    const { data } = await client.list();
    expect(data.items).toStrictEqual([listItem]);
    expect(data.rejected.map((r) => [r.raw, r.topupId])).toEqual([
      ['oops', null],
      [null, null],
    ]);
  });

  it('sets a list item whose created_at is not a date aside', async () => {
    const { client } = upstream(pageOf([{ ...docItem(), created_at: 'yesterday' }]));
    const { data } = await client.list();
    expect(data.items).toEqual([]);
    expect(data.rejected[0]?.topupId).toBe('69016194e9e88196b4eb64ce');
    expect(data.rejected[0]?.error).toContain('created_at');
  });

  it('sets a list item with topup_amount as a string aside: refunds pay that amount back', async () => {
    const { client } = upstream(pageOf([{ ...docItem(), topup_amount: '500' }]));
    const { data } = await client.list();
    expect(data.items).toEqual([]);
    expect(data.rejected[0]?.error).toContain('topup_amount');
  });

  it('refuses a single order with an unknown status instead of setting it aside', async () => {
    const { client } = upstream(seedWith((json) => (json.data.status = 'PROCESSING')));
    const error = await failureOf(client.checkId(TOPUP_ID));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('PROCESSING');
  });

  it('classifies an HTML 502 page from a gateway as a server error', async () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
    const { client } = upstream(html, 502);
    expect(await failureOf(client.balance())).toMatchObject({ kind: 'server', httpStatus: 502 });
  });

  it('classifies truncated JSON with HTTP 200 as malformed', async () => {
    const { client } = upstream(SEED_FULFILLED.slice(0, 120));
    expect(await failureOf(client.checkId(TOPUP_ID))).toMatchObject({
      kind: 'malformed',
      httpStatus: 200,
    });
  });

  it('passes retry_orderid and follow_orderid through to the caller', async () => {
    const text = edit(SEED_REFUNDED, (json) => {
      json.data.retry_orderid = '6901620be9e88196b4eb6512';
      json.data.follow_orderid = '6901621ce9e88196b4eb6520';
    });
    const { client } = upstream(text);
    expect((await client.checkId(TOPUP_ID)).data).toMatchObject({
      status: 'REFUNDED',
      retry_orderid: '6901620be9e88196b4eb6512',
      follow_orderid: '6901621ce9e88196b4eb6520',
    });
  });
});
