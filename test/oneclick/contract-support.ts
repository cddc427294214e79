import { expect } from 'vitest';
import { createOneClickClient } from '../../lib/oneclick/client';
import { OneClickError } from '../../lib/oneclick/errors';
import type { FetchLike } from '../../lib/oneclick/http';

// Shared by the contract tests (contract.test.ts, contract-variants.test.ts): a client whose
// upstream plays one documented answer, and the parsed values the docs' examples must give.

export const NOW = Date.parse('2025-10-29T00:40:00.000Z');
export const TOPUP_ID = '6901616fe9e88196b4eb64b0';

/** A client whose upstream answers every request with `text` and `status`. */
export function upstream(text: string, status = 200) {
  const urls: string[] = [];
  const bodies: unknown[] = [];
  const fetch: FetchLike = async (url, init) => {
    urls.push(url);
    if (typeof init.body === 'string') bodies.push(JSON.parse(init.body));
    return new Response(text, { status });
  };
  const client = createOneClickClient({
    apiKey: 'k-123456789',
    baseUrl: 'https://upstream.test/v3',
    fetch,
    maxRetries: 0,
  });
  return { client, urls, bodies };
}

export async function failureOf(call: Promise<unknown>): Promise<OneClickError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OneClickError);
  return error as OneClickError;
}

export type ExampleJson = Record<string, unknown> & {
  data: Record<string, unknown> & { suggested_offers: Record<string, unknown>[] };
};

/** A documented example with some of its JSON changed, as raw text again. */
export function edit(text: string, change: (json: ExampleJson) => void) {
  const json = JSON.parse(text);
  change(json);
  return JSON.stringify(json);
}

export const sendInput = { plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500 };
export const seedTopup = {
  _id: TOPUP_ID,
  ref: 'order-12345',
  plan_code: 'PREPAID_DJEZZY',
  MSSIDN: '0778037340',
  topup_amount: '500',
  balance_amount: '490',
  created_at: '2025-10-29T00:35:59.378Z',
};
export const seedMeta = { timestamp: '2025-10-29T00:36:15.606Z' };
export const facture = {
  typename: '📋 FACTURE | فاتورة',
  plan_code: 'FACTURE_DJEZZY',
  amount: '500',
};
export const listItem = {
  _id: '69016194e9e88196b4eb64ce',
  ref: 'API-+213665983439-test-1761698196315-suggest',
  status: 'REFUNDED',
  plan_code: 'PREPAID_DJEZZY',
  MSSIDN: '0600000002',
  topup_amount: '500',
  balance_amount: '0',
  created_at: '2025-10-29T00:36:36.385Z',
  refund_message: 'هذا رقم الهاتف لا يقبل العرض المرسل، الرجاء إرسال أحد العروض التالية',
  suggested_offers: [facture],
};
export const pageOne = { page: 1, pageSize: 20, totalPages: 1, totalResults: 1 };
