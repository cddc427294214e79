import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refunds, topups } from '../../db/schema';
import { issueToken } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { type ApiDocument, answerErrors, bodySchema } from '../../test/schema-check';
import { createOneClickClient, type OneClickClient } from '../oneclick/client';
import { topupSchema } from '../oneclick/schemas';
import type { RefundDeps } from '../refunds/service';
import { type Sandbox, startSandbox } from '../sandbox';
import { createManualClock } from '../sandbox/clock';
import type { LinkSpec } from '../sandbox/flows';
import { observe } from '../sync/observe';
import type { JsonSchema } from './json-schema';
import { openApiDocument } from './openapi';
import { handleRefund } from './refund';

// POST /api/v1/topups/{idOrRef}/refund as the shop calls it: which order a key names, and what
// a retry after a temporary failure gets.

let t: TestDb;
let sandbox: Sandbox;
let client: OneClickClient;
const clock = createManualClock(Date.UTC(2026, 10, 20, 9, 0, 0));
let token: string;
/** How many more check-id calls fail as if OneClick were unreachable. */
let outages = 0;

beforeAll(async () => {
  t = await createTestDb();
  sandbox = await startSandbox({ port: 0, clock });
  client = createOneClickClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, maxRetries: 0 });
  token = (await issueToken(t.db, 'refund shop')).token;
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

const deps = (): RefundDeps => ({
  db: t.db,
  client: {
    checkId: async (id) => {
      if (outages > 0) {
        outages--;
        throw new Error('connect ECONNREFUSED');
      }
      return client.checkId(id);
    },
  },
  now: () => new Date(clock.now()),
  threshold: '5000',
  webhookConfigured: false,
  formatTime: (d) => d.toISOString(),
});

let phones = 0;
/** A top-up OneClick refunded (and, with `link`, retried), registered in our database. */
async function refundedOrder(ref: string, link?: LinkSpec) {
  const view = sandbox.controls.createTopup({
    msisdn: `07780${String(++phones).padStart(5, '0')}`,
    planCode: 'PREPAID_DJEZZY',
    amount: 500,
    ref,
    timeline: [{ status: 'REFUNDED', atMs: 0 }],
    link: link ?? null,
  });
  return { ...(await register(view._id)), topupId: view._id };
}

async function register(topupId: string) {
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(sandbox.controls.get(topupId))));
  return observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'test' },
    now: new Date(clock.now()),
  });
}

function refund(key: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://desk.test/api/v1/topups/${encodeURIComponent(key)}/refund`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  return handleRefund(request, key, deps());
}

const refundsOf = (pks: number[]) =>
  t.db.select({ topupPk: refunds.topupPk }).from(refunds).where(inArray(refunds.topupPk, pks));

describe('refunding through the API', () => {
  it('takes the body and gives the answers the API document describes', async () => {
    const doc = openApiDocument as unknown as ApiDocument;
    const path = '/api/v1/topups/{idOrRef}/refund';
    const order = await refundedOrder('shop-documented');
    const post = (body: unknown) =>
      handleRefund(
        new Request(`http://desk.test/api/v1/topups/${order.topupId}/refund`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        order.topupId,
        deps(),
      );
    const check = async (res: Response) =>
      answerErrors(doc, path, 'post', res.status, await res.json());
    const documented = bodySchema(doc, path, 'post').properties as Record<string, JsonSchema>;
    const example = Object.fromEntries(
      Object.entries(documented).map(([field, p]) => [field, p.examples?.[0]]),
    );
    const undocumented = await post({ ...example, amount: '1.00' });
    expect(undocumented.status).toBe(400);
    expect(await check(undocumented)).toEqual([]);
    const first = await post(example);
    expect(first.status).toBe(201);
    expect(await check(first)).toEqual([]);
    const again = await post(example);
    expect(again.status).toBe(409);
    expect(await check(again)).toEqual([]);
  });

  it('goes through on the retry with the same Idempotency-Key after a 503 while OneClick was down', async () => {
    const order = await refundedOrder('shop-503');
    outages = 1;
    const first = await refund(order.topupId, { 'idempotency-key': 'refund-503' });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('30');
    clock.advance(30_000); // the shop waits as told
    const retry = await refund(order.topupId, { 'idempotency-key': 'refund-503' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await refundsOf([order.topupPk])).toHaveLength(1);
    const replay = await refund(order.topupId, { 'idempotency-key': 'refund-503' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a ref that two different orders share with 409 ambiguous_ref naming both, refunding neither', async () => {
    const a = await refundedOrder('shared-ref');
    const b = await refundedOrder('shared-ref-b');
    // OneClick refuses a ref twice on /mobile/send, but refs reach us from other paths too.
    await t.db.update(topups).set({ ref: 'shared-ref' }).where(eq(topups.id, b.topupPk));
    const res = await refund('shared-ref');
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('ambiguous_ref');
    expect(body.message).toContain(a.topupId);
    expect(body.message).toContain(b.topupId);
    expect(await refundsOf([a.topupPk, b.topupPk])).toEqual([]);
  });

  it('takes an exact upstream id over an order whose ref happens to be that id', async () => {
    const a = await refundedOrder('plain-ref-a');
    const b = await refundedOrder(a.topupId);
    const res = await refund(a.topupId);
    expect(res.status).toBe(201);
    expect(await refundsOf([a.topupPk, b.topupPk])).toEqual([{ topupPk: a.topupPk }]);
  });

  it('treats a ref shared by an original and its retry as one order and refunds the original', async () => {
    const original = await refundedOrder('chain-ref', {
      kind: 'retry',
      final: 'REFUNDED',
      reuseRef: true,
    });
    clock.advance(60_000); // the retry is placed at the refund instant and REFUNDED 15 s later
    const retryId = sandbox.controls.get(original.topupId)?.retry_orderid;
    if (!retryId) throw new Error('the sandbox placed no retry');
    const retry = await register(retryId);
    const [linked] = await t.db
      .select({ ref: topups.ref, parentPk: topups.parentPk })
      .from(topups)
      .where(eq(topups.id, retry.topupPk));
    expect(linked).toEqual({ ref: 'chain-ref', parentPk: original.topupPk });
    const res = await refund('chain-ref');
    // A retried chain waits for a second finance user; the refund is the original's.
    expect(res.status).toBe(202);
    expect(await refundsOf([original.topupPk, retry.topupPk])).toEqual([
      { topupPk: original.topupPk },
    ]);
  });

  it('answers a second attempt inside the 10 s check window with 429 and how long to wait, and keeps no answer for the key', async () => {
    const order = await refundedOrder('shop-429');
    outages = 1;
    expect((await refund(order.topupId)).status).toBe(503); // the live check was spent
    const soon = await refund(order.topupId, { 'idempotency-key': 'refund-429' });
    expect(soon.status).toBe(429);
    expect(((await soon.json()) as { error: string }).error).toBe('check_too_soon');
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.advance(11_000); // as told, and a little more
    const later = await refund(order.topupId, { 'idempotency-key': 'refund-429' });
    expect(later.status).toBe(201);
  });
});
