import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, ingestQueue, topupEvents, topups } from '../../db/schema';
import {
  getRequest,
  issueToken,
  postRequest,
  snapshot,
  startUpstream,
  upstreamTopup,
} from '../../test/api-support';
import { createTestDb, recordingDb, type TestDb } from '../../test/db';
import { type ApiDocument, answerErrors } from '../../test/schema-check';
import type { OneClickClient } from '../oneclick/client';
import type { Sandbox } from '../sandbox';
import { handleRead, handleRegister } from './handlers';
import { openApiDocument } from './openapi';

let t: TestDb;
let sandbox: Sandbox;
let client: OneClickClient;
let token: string;
const apiDocument = openApiDocument as unknown as ApiDocument;
const deps = () => ({
  db: t.db,
  client,
  now: () => new Date(),
  log: { warn: () => {}, error: (o: object) => console.error(o) },
});
const post = (body: unknown) =>
  handleRegister(postRequest(JSON.stringify(body), { token }), deps());
const get = (key: string) => handleRead(getRequest(key, token), key, deps());

beforeAll(async () => {
  t = await createTestDb();
  ({ sandbox, client } = await startUpstream());
  token = (await issueToken(t.db, 'web shop')).token;
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

async function rowsFor(topupId: string) {
  const rows = await t.db.select().from(topups).where(eq(topups.topupId, topupId));
  const events = rows[0]
    ? await t.db.select().from(topupEvents).where(eq(topupEvents.topupPk, rows[0].id))
    : [];
  return { rows, events };
}

describe('registering a top-up the shop sent', () => {
  it('stores it with a created event and answers 201 with our view and its Location', async () => {
    const up = upstreamTopup(sandbox);
    const res = await post({
      topupId: up.id,
      ref: up.ref,
      customerRef: 'order-77',
      customerPrice: 550,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/topups/${up.id}`);
    const view = await res.json();
    expect(view).toMatchObject({
      topupId: up.id,
      ref: up.ref,
      status: expect.any(String),
      msisdn: '0778037340',
      topupAmount: '500.00',
      customerRef: 'order-77',
      customerPrice: '550.00',
    });
    expect(new Date(view.createdAt).toISOString()).toBe(view.createdAt);
    const { rows, events } = await rowsFor(up.id);
    expect(rows).toHaveLength(1);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'created', source: 'ingest', actor: 'token:web shop' }),
    ]);
  });

  it('answers a repeat with 200 and the same view, still one row and one event', async () => {
    const up = upstreamTopup(sandbox);
    const body = { topupId: up.id, ref: up.ref, customerPrice: '1200.5' };
    const first = await post(body);
    expect(first.status).toBe(201);
    const firstView = await first.json();
    const again = await post({ ...body, customerPrice: '1200.50' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(firstView);
    const { rows, events } = await rowsFor(up.id);
    expect(rows).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('answers a repeat carrying the held values from one read: no transaction, lock or write', async () => {
    const up = upstreamTopup(sandbox);
    const body = { topupId: up.id, ref: up.ref, customerRef: 'order-78', customerPrice: '75' };
    expect((await post(body)).status).toBe(201);
    const { db, statements } = recordingDb(t.pool);
    // One clock reading for the whole test: a slow machine must not age the token check.
    const at = new Date();
    const repeat = () =>
      handleRegister(postRequest(JSON.stringify(body), { token }), {
        ...deps(),
        db,
        now: () => at,
      });
    expect((await repeat()).status).toBe(200); // the token check is remembered from here on
    statements.length = 0;
    const again = await repeat();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ topupId: up.id, customerPrice: '75.00' });
    expect(statements).toEqual([expect.stringMatching(/^select .* from "topups" where/)]);
  });

  it('lets one of two concurrent different fills of an empty field win; the other gets 409', async () => {
    const up = upstreamTopup(sandbox);
    expect((await post({ topupId: up.id })).status).toBe(201);
    const answers = await Promise.all([
      post({ topupId: up.id, customerPrice: '100' }),
      post({ topupId: up.id, customerPrice: '200' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = (await rowsFor(up.id)).rows;
    const winner = answers.findIndex((r) => r.status === 200) === 0 ? '100.00' : '200.00';
    expect(row?.customerPrice).toBe(winner);
  });

  it('refuses a conflicting repeat with 409 naming the field, and changes nothing', async () => {
    const up = upstreamTopup(sandbox);
    await post({ topupId: up.id, customerRef: 'A-1', customerPrice: 500 });
    const before = await snapshot(t.db);
    for (const [body, field] of [
      [{ topupId: up.id, customerPrice: 501 }, 'customerPrice'],
      [{ topupId: up.id, customerRef: 'A-2' }, 'customerRef'],
      [{ topupId: up.id, ref: 'someone-elses-ref' }, 'ref'],
    ] as const) {
      const res = await post(body);
      expect(res.status).toBe(409);
      const error = await res.json();
      expect(error).toMatchObject({ error: 'conflict', field });
      expect(error.message).toContain(field);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('lets the shop fill a customer field that was still empty, and audits who did', async () => {
    const up = upstreamTopup(sandbox);
    expect((await post({ topupId: up.id })).status).toBe(201);
    const res = await post({ topupId: up.id, customerPrice: '999.99' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ customerPrice: '999.99', customerRef: null });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, up.id));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'ingest.customer_fields',
        details: expect.objectContaining({ token: 'web shop', customerPrice: '999.99' }),
      }),
    ]);
  });

  it('answers 422 unknown_topup for an id the upstream does not know, storing nothing', async () => {
    const before = await snapshot(t.db);
    const res = await post({ topupId: 'ffffffffffffffffffffffff', customerPrice: 10 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'unknown_topup', field: 'topupId' });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('answers 422 naming ref when the upstream holds the top-up under another ref', async () => {
    const up = upstreamTopup(sandbox);
    const before = await snapshot(t.db);
    const res = await post({ topupId: up.id, ref: 'not-the-real-ref' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: 'ref_mismatch', field: 'ref' });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe('reading a top-up back', () => {
  it('finds it by upstream id and by ref, and says 404 for anything else', async () => {
    const up = upstreamTopup(sandbox);
    await post({ topupId: up.id, ref: up.ref });
    const byId = await get(up.id);
    const byRef = await get(up.ref);
    expect(byId.status).toBe(200);
    expect(await byRef.json()).toEqual(await byId.json());
    const missing = await get('no-such-thing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });
});

describe('the cost of a read', () => {
  it('is one statement once the token is known: no token lookup, no last-used write', async () => {
    const up = upstreamTopup(sandbox);
    await post({ topupId: up.id, ref: up.ref });
    const { db, statements } = recordingDb(t.pool);
    const at = new Date(); // one clock reading: a slow machine must not age the token check
    const read = (key: string) =>
      handleRead(getRequest(key, token), key, { ...deps(), db, now: () => at });
    expect((await read(up.id)).status).toBe(200);
    statements.length = 0;
    expect((await read(up.ref)).status).toBe(200);
    expect((await read(up.id)).status).toBe(200);
    expect(statements).toEqual([
      expect.stringMatching(/^select .* from "topups" where/),
      expect.stringMatching(/^select .* from "topups" where/),
    ]);
  });
});

describe('when the upstream cannot confirm', () => {
  it('queues the registration with 202, then stores it once the queue is drained', async () => {
    const { drainIngestQueue } = await import('../sync/ingest-queue');
    const up = upstreamTopup(sandbox);
    sandbox.controls.setFaults({ rate: 1, kinds: ['503'] });
    try {
      const res = await post({ topupId: up.id, ref: up.ref, customerPrice: 700 });
      expect(res.status).toBe(202);
      const body = await res.json();
      expect(body).toEqual({ status: 'registering', topupId: up.id });
      expect(answerErrors(apiDocument, '/api/v1/topups', 'post', 202, body)).toEqual([]);
      expect((await post({ topupId: up.id, customerPrice: 700 })).status).toBe(202);
      expect((await post({ topupId: up.id, customerPrice: 701 })).status).toBe(409);
      expect((await get(up.ref)).status).toBe(202);
      expect(await t.db.select().from(ingestQueue)).toEqual([
        expect.objectContaining({ topupId: up.id, ref: up.ref, customerPrice: '700.00' }),
      ]);
    } finally {
      sandbox.controls.clearFaults();
    }
    const report = await drainIngestQueue({ db: t.db, client, now: new Date(), workerId: 'w1' });
    expect(report).toMatchObject({ claimed: 1, registered: 1 });
    expect(await t.db.select().from(ingestQueue)).toEqual([]);
    const { rows, events } = await rowsFor(up.id);
    expect(rows[0]).toMatchObject({ customerPrice: '700.00', source: 'ingest' });
    expect(events[0]?.actor).toBe('token:web shop via worker:w1');
    expect((await get(up.id)).status).toBe(200);
  });

  it('queues when the upstream port is closed, too', async () => {
    const { createOneClickClient } = await import('../oneclick/client');
    const closed = createOneClickClient({
      apiKey: sandbox.apiKey,
      baseUrl: 'http://127.0.0.1:9/v3',
      maxRetries: 0,
    });
    const up = upstreamTopup(sandbox);
    const res = await handleRegister(postRequest(JSON.stringify({ topupId: up.id }), { token }), {
      ...deps(),
      client: closed,
    });
    expect(res.status).toBe(202);
    const queued = await t.db.select().from(ingestQueue).where(eq(ingestQueue.topupId, up.id));
    expect(queued).toHaveLength(1);
  });
});
