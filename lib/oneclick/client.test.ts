import { describe, expect, it } from 'vitest';
import { SEED_FULFILLED } from '../../test/oneclick/seed-examples';
import { until } from '../../test/until';
import { type CallInfo, createOneClickClient, type OneClickClientOptions } from './client';
import { OneClickError } from './errors';
import type { FetchLike } from './http';

const KEY = 'key-5f1d9c0a-secret';

type Reply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | 'network'
  | 'hang';

/** A fetch that plays replies in order and records what it was asked. */
function scripted(replies: Reply[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    const reply = replies.shift();
    if (!reply) throw new Error('no scripted reply left');
    if (reply === 'network')
      throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    if (reply === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      });
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status, headers: reply.headers });
  };
  return { fetch, requests };
}

function client(replies: Reply[], extra: Partial<OneClickClientOptions> = {}) {
  const http = scripted(replies);
  const sleeps: number[] = [];
  const calls: CallInfo[] = [];
  const c = createOneClickClient({
    apiKey: KEY,
    baseUrl: 'https://upstream.test/v3/',
    fetch: http.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    onCall: (info) => calls.push(info),
    ...extra,
  });
  return { c, sleeps, calls, requests: http.requests };
}

const okBalance = {
  status: 200,
  body: { success: true, data: { balance: 1326.13 }, requestId: 'req_1_a' },
};
const failure = (status: number, code: string, details?: object) => ({
  status,
  body: {
    success: false,
    error: { code, message: `${code} happened`, details },
    requestId: 'req_1_e',
  },
});

describe('requests', () => {
  it('sends the key only in the X-Access-Token header and URL-encodes path params', async () => {
    const seed = JSON.parse(SEED_FULFILLED);
    const body = { ...seed, data: { ...seed.data, ref: 'order 12/345' } };
    const { c, requests } = client([{ status: 200, body }]);
    await c.checkRef('order 12/345');
    expect(requests[0]?.url).toBe('https://upstream.test/v3/mobile/check-ref/order%2012%2F345');
    const headers = requests[0]?.init.headers as Record<string, string> | undefined;
    expect(headers?.['X-Access-Token']).toBe(KEY);
    expect(requests[0]?.url).not.toContain(KEY);
  });

  it('returns the parsed data with the requestId and meta', async () => {
    const { c } = client([{ status: 200, body: SEED_FULFILLED }]);
    const result = await c.checkId('6901616fe9e88196b4eb64b0');
    expect(result.data.status).toBe('FULFILLED');
    expect(result.requestId).toBe('req_1730160975_abc123');
    expect(result.meta?.timestamp).toBe('2025-10-29T00:36:15.606Z');
  });

  it('rejects from without to before calling, as the upstream requires both', async () => {
    const { c, requests } = client([]);
    await expect(c.list({ from: new Date() })).rejects.toMatchObject({
      kind: 'validation',
      field: 'to',
    });
    await expect(c.checkId('')).rejects.toMatchObject({ kind: 'validation', field: 'id' });
    expect(requests).toHaveLength(0);
  });

  it('finds list pagination in meta when the data lacks it', async () => {
    const pagination = { page: 2, pageSize: 1, totalPages: 3, totalResults: 3 };
    const { c } = client([
      { status: 200, body: { success: true, data: { items: [] }, meta: { pagination } } },
    ]);
    expect((await c.list({ page: 2, pageSize: 1 })).data.pagination).toEqual(pagination);
  });
});

describe('retries', () => {
  it('retries a GET after network errors and 5xx with full-jitter backoff', async () => {
    const { c, sleeps, calls } = client(['network', failure(502, 'BAD_GATEWAY'), okBalance]);
    const result = await c.balance();
    expect(result.data.balance).toBe('1326.13');
    // random() = 0.5: half of 250·2^0 and of 250·2^1.
    expect(sleeps).toEqual([125, 250]);
    expect(calls.map((call) => [call.attempt, call.errorKind])).toEqual([
      [0, 'network'],
      [1, 'server'],
      [2, undefined],
    ]);
  });

  it('waits what Retry-After asks, in seconds or as a date', async () => {
    const now = Date.UTC(2025, 0, 1);
    const date = new Date(now + 4_000).toUTCString();
    const { c, sleeps } = client(
      [
        { ...failure(429, 'TOO_MANY_REQUESTS'), headers: { 'Retry-After': '2' } },
        { ...failure(503, 'UNAVAILABLE'), headers: { 'Retry-After': date } },
        okBalance,
      ],
      { now: () => now },
    );
    await c.balance();
    expect(sleeps).toEqual([2_000, 4_000]);
  });

  it('gives up after maxRetries and reports the last failure', async () => {
    const { c, sleeps } = client(['network', 'network', 'network'], { maxRetries: 2 });
    await expect(c.ping()).rejects.toMatchObject({ kind: 'network' });
    expect(sleeps).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the configured limit', async () => {
    const { c, sleeps } = client([{ ...failure(429, 'X'), headers: { 'Retry-After': '3600' } }]);
    await expect(c.plans()).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 3_600_000,
    });
    expect(sleeps).toEqual([]);
  });

  it('never retries a validation or not-found answer', async () => {
    const { c, requests } = client([failure(404, 'NOT_FOUND')]);
    await expect(c.checkRef('nope')).rejects.toMatchObject({ kind: 'not_found' });
    expect(requests).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    const { c } = client(['hang'], { timeoutMs: 30, maxRetries: 0 });
    await expect(c.validate()).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('send', () => {
  const sent = {
    status: 200,
    body: { success: true, data: { topupId: 't1', topupRef: 'r1', newBalance: 826.13 } },
  };

  it('always carries a ref, generating one when the caller gave none', async () => {
    const { c, requests } = client([sent], { generateRef: () => 'generated-ref' });
    await c.send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500 });
    expect(JSON.parse(String(requests[0]?.init.body))).toEqual({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      amount: 500,
      ref: 'generated-ref',
    });
  });

  it('is not retried after a 5xx; it looks the order up by ref instead', async () => {
    const found = JSON.parse(SEED_FULFILLED);
    const { c, requests } = client([failure(500, 'INTERNAL_ERROR'), { status: 200, body: found }]);
    const result = await c.send({
      plan_code: 'PREPAID_DJEZZY',
      MSSIDN: '0778037340',
      amount: 500,
      ref: 'order-12345',
    });
    expect(result).toMatchObject({
      resolvedVia: 'check-ref',
      data: { topupId: '6901616fe9e88196b4eb64b0' },
    });
    expect(requests.map((r) => r.init.method)).toEqual(['POST', 'GET']);
  });

  it('reports an unknown outcome, with the ref, when the order cannot be found', async () => {
    const { c, requests, sleeps } = client(
      ['network', failure(404, 'NOT_FOUND'), failure(404, 'NOT_FOUND')],
      {
        sendResolveDelayMs: 1_500,
      },
    );
    const error = await c
      .send({ plan_code: 'P', MSSIDN: '0778037340', ref: 'r-9' })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: true, ref: 'r-9' });
    expect(requests.filter((r) => r.init.method === 'POST')).toHaveLength(1);
    expect(sleeps).toEqual([1_500]);
  });

  it('does not look up a send the upstream refused outright', async () => {
    const { c, requests } = client([
      failure(403, 'INSUFFICIENT_BALANCE', { required: 500, available: 12 }),
    ]);
    await expect(c.send({ plan_code: 'P', MSSIDN: '0778037340', ref: 'r' })).rejects.toMatchObject({
      kind: 'insufficient_balance',
      outcomeUnknown: false,
      ref: 'r',
    });
    expect(requests).toHaveLength(1);
  });
});

describe('an answer about another order', () => {
  const seed = JSON.parse(SEED_FULFILLED);
  it('check-id answering for another id is garbled, never taken as the order asked for', async () => {
    const { c } = client([{ status: 200, body: seed }]);
    await expect(c.checkId('aaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('6901616fe9e88196b4eb64b0'),
    });
  });

  it('check-ref answering for another ref is garbled too', async () => {
    const { c } = client([{ status: 200, body: seed }]);
    await expect(c.checkRef('someone-else')).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('an answer for the id asked is used', async () => {
    const { c } = client([{ status: 200, body: seed }]);
    await expect(c.checkId('6901616fe9e88196b4eb64b0')).resolves.toMatchObject({
      data: { status: 'FULFILLED' },
    });
  });
});

describe('credentials circuit', () => {
  const invalid = failure(401, 'INVALID_ACCESS_TOKEN', { attemptsLeft: 4 });

  it('stops calling after two invalid-key answers in a row, until credentials are reset', async () => {
    const { c, requests } = client([invalid, invalid, okBalance], { maxRetries: 0 });
    await expect(c.balance()).rejects.toMatchObject({ kind: 'auth', attemptsLeft: 4 });
    await expect(c.balance()).rejects.toMatchObject({ kind: 'auth' });
    await expect(c.balance()).rejects.toMatchObject({ kind: 'credentials_rejected' });
    await expect(c.send({ plan_code: 'P', MSSIDN: '0778037340' })).rejects.toMatchObject({
      kind: 'credentials_rejected',
    });
    expect(requests).toHaveLength(2);
    expect(c.state()).toMatchObject({ credentialsRejected: true, consecutiveAuthFailures: 2 });
    await c.resetCredentials('new-key');
    await expect(c.balance()).resolves.toBeDefined();
    expect(c.state()).toMatchObject({ credentialsRejected: false, consecutiveAuthFailures: 0 });
    expect(c.state().lastSuccessAt).toEqual(expect.any(Number));
  });

  it('sends one call at a time until the key is confirmed, so parallel calls with a bad key reach the upstream twice', async () => {
    const { c, requests } = client(Array(6).fill(invalid), { maxRetries: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => c.balance()));
    expect(requests).toHaveLength(2);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(c.state()).toMatchObject({ credentialsRejected: true });
  });

  it('runs calls in parallel once the key has been accepted', async () => {
    const replies: Reply[] = [okBalance, 'hang', 'hang'];
    const { c, requests } = client(replies, { maxRetries: 0, timeoutMs: 2_000 });
    await c.balance();
    const both = Promise.allSettled([c.balance(), c.balance()]);
    // Both are sent before either answers (one at a time, the second would wait 2 s).
    await until('both calls to be sent', () => requests.length === 3, { timeoutMs: 1_000 });
    await both;
  });

  it('does not take a /ping answer, which needs no key, as the key being accepted', async () => {
    const okPing = {
      status: 200,
      body: { success: true, data: { api: 'ok', operators: {} }, requestId: 'req_2_b' },
    };
    const { c, requests } = client([invalid, okPing, invalid, okBalance], { maxRetries: 0 });
    await expect(c.balance()).rejects.toMatchObject({ kind: 'auth' });
    await expect(c.ping()).resolves.toBeDefined();
    await expect(c.validate()).rejects.toMatchObject({ kind: 'auth' });
    await expect(c.balance()).rejects.toMatchObject({ kind: 'credentials_rejected' });
    expect(requests).toHaveLength(3);
  });

  it('counts only consecutive refusals: a success in between starts over', async () => {
    const { c } = client([invalid, okBalance, invalid, okBalance]);
    await c.balance().catch(() => {});
    await c.balance();
    await c.balance().catch(() => {});
    await expect(c.balance()).resolves.toBeDefined();
  });
});

describe('the API key stays secret', () => {
  it('is scrubbed from messages and details the upstream echoes back', async () => {
    const echo = {
      status: 401,
      body: {
        success: false,
        error: {
          code: 'INVALID_ACCESS_TOKEN',
          message: `bad token ${KEY}`,
          details: { token: KEY },
        },
      },
    };
    const { c, calls } = client([echo]);
    const error: OneClickError = await c.validate().catch((e) => e);
    expect(error).toBeInstanceOf(OneClickError);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(calls)).not.toContain(KEY);
  });

  it('is refused at construction when empty', () => {
    expect(() => createOneClickClient({ apiKey: '' })).toThrow(/apiKey/);
  });
});
