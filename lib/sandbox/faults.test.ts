import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOneClickClient, type OneClickClientOptions } from '../oneclick/client';
import { OneClickError } from '../oneclick/errors';
import { type Sandbox, startSandbox } from './server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ balance: 1_000_000, seed: 42 });
});
afterAll(() => sandbox.close());
afterEach(() => {
  sandbox.controls.clearFaults();
  sandbox.controls.resetCalls();
});

function client(extra: Partial<OneClickClientOptions> = {}) {
  const sleeps: number[] = [];
  const c = createOneClickClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    timeoutMs: 300,
    maxRetries: 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return Object.assign(c, { sleeps });
}

const sendCalls = (ref: string) =>
  sandbox.controls.calls().filter((call) => call.path === '/v3/mobile/send' && call.ref === ref);

describe('fault mode: every failure arrives as its error kind', () => {
  it.each([
    ['500', 'server', 500],
    ['503', 'server', 503],
    ['429', 'rate_limited', 429],
    ['timeout', 'timeout', undefined],
    ['html', 'malformed', 200],
    ['truncated', 'malformed', 200],
    ['reset', 'network', undefined],
  ] as const)('%s → %s', async (fault, kind, httpStatus) => {
    sandbox.controls.queueFault(fault);
    const error = await client()
      .balance()
      .catch((e) => e);
    expect(error).toBeInstanceOf(OneClickError);
    expect(error).toMatchObject({ kind, httpStatus });
  });

  it('latency alone still ends in a value', async () => {
    sandbox.controls.setFaults({ rate: 1, kinds: ['latency'], latencyMs: 50 });
    await expect(client().ping()).resolves.toMatchObject({ data: { api: 'ok' } });
  });

  it('an unreachable upstream is a network error', async () => {
    const dead = await startSandbox();
    const url = dead.url;
    await dead.close();
    const c = createOneClickClient({ apiKey: 'k', baseUrl: url, maxRetries: 0 });
    await expect(c.ping()).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('retries against the sandbox', () => {
  it('a GET rides out 429 and 503 by waiting what Retry-After says', async () => {
    sandbox.controls.setFaults({ rate: 0, retryAfterS: 3 });
    sandbox.controls.queueFault('429');
    sandbox.controls.queueFault('503');
    const c = client({ maxRetries: 3 });
    await expect(c.plans()).resolves.toBeDefined();
    expect(c.sleeps).toEqual([3_000, 3_000]);
    expect(sandbox.controls.calls().map((call) => call.status)).toEqual([429, 503, 200]);
  });

  it('a GET is retried after a timeout with jittered backoff', async () => {
    sandbox.controls.queueFault('timeout');
    const c = client({ maxRetries: 2, random: () => 1, backoffBaseMs: 100 });
    await expect(c.balance()).resolves.toBeDefined();
    expect(c.sleeps).toEqual([100]);
  });

  it('a send that got a 503 is never posted twice', async () => {
    sandbox.controls.queueFault('503', { path: '/mobile/send' });
    const c = client({ maxRetries: 5, sendResolveDelayMs: 0 });
    const error = await c
      .send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 100, ref: 'once-1' })
      .catch((e) => e);
    expect(error).toMatchObject({ kind: 'server', outcomeUnknown: true, ref: 'once-1' });
    expect(sendCalls('once-1')).toHaveLength(1);
    expect(sandbox.controls.getByRef('once-1')).toBeUndefined();
  });
});

describe('a send whose answer is lost', () => {
  it.each(['timeout', '500', 'truncated', 'reset'] as const)(
    'after %s, is found through check-ref instead of being sent again',
    async (fault) => {
      const ref = `doubt-${fault}`;
      sandbox.controls.queueFault(fault, { path: '/mobile/send' });
      const result = await client().send({
        plan_code: 'PREPAID_DJEZZY',
        MSSIDN: '0778037340',
        amount: 100,
        ref,
      });
      expect(result.resolvedVia).toBe('check-ref');
      expect(result.data.topupId).toBe(sandbox.controls.getByRef(ref)?._id);
      expect(sendCalls(ref)).toHaveLength(1);
    },
  );
});

describe('30 % fault rate', () => {
  it('every call ends in a value or a OneClickError, and no order is sent twice', async () => {
    sandbox.controls.setFaults({
      rate: 0.3,
      kinds: ['latency', '5xx', '429', 'timeout', 'html', 'truncated', 'reset'],
      latencyMs: 20,
      hangMs: 1_000,
      retryAfterS: 0,
    });
    const c = client({ timeoutMs: 250, maxRetries: 2, sendResolveDelayMs: 0 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const refs = Array.from({ length: 40 }, (_, i) => `load-${i}`);
    const calls = [
      ...refs.map(
        (ref) => () =>
          c.send({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 100, ref }),
      ),
      ...refs.map((ref) => () => c.checkRef(ref)),
      ...Array.from({ length: 20 }, () => () => c.list({ pageSize: 5 })),
      ...Array.from({ length: 20 }, () => () => c.balance()),
    ];
    // A few at a time, as the desk's worker calls the upstream (UPSTREAM_MAX_CONCURRENCY).
    const outcomes: PromiseSettledResult<unknown>[] = [];
    const queue = [...calls];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let call = queue.shift(); call; call = queue.shift()) {
          outcomes.push(...(await Promise.allSettled([call()])));
        }
      }),
    );
    process.off('unhandledRejection', onUnhandled);

    const failures = outcomes.filter((o) => o.status === 'rejected');
    for (const failure of failures) expect(failure.reason).toBeInstanceOf(OneClickError);
    expect(failures.length).toBeGreaterThan(0);
    expect(outcomes.length - failures.length).toBeGreaterThan(outcomes.length / 2);
    expect(unhandled).toEqual([]);
    for (const ref of refs) expect(sendCalls(ref).length).toBeLessThanOrEqual(1);
  });
});
