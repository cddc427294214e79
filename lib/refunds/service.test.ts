import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopupStatus } from '../../db/enums';
import { auditLog, refundDeliveries, refunds, topups } from '../../db/schema';
import { issueToken, startUpstream } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { until } from '../../test/until';
import { handleRefund } from '../api/refund';
import { topupSchema } from '../oneclick/schemas';
import type { TimelineStep } from '../sandbox';
import { observe } from '../sync/observe';
import { createUser } from '../users/service';
import { type RefundActor, type RefundDeps, requestRefund } from './service';
import { drainDeliveries } from './webhook';

let t: TestDb;
let up: Awaited<ReturnType<typeof startUpstream>>;
let receiver: http.Server;
const received: { key: string; signature: string; body: string }[] = [];
let webhookUrl = '';
let finance: RefundActor;

beforeAll(async () => {
  t = await createTestDb();
  up = await startUpstream();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({
        key: String(req.headers['idempotency-key']),
        signature: String(req.headers['x-flexy-signature']),
        body,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/refund`;
  const user = await t.db.transaction((tx) =>
    createUser(tx, {
      email: 'fatima@shop.dz',
      name: 'Fatima',
      role: 'finance',
      password: 'a-long-password',
    }),
  );
  finance = { userId: user.id, label: user.email, role: 'finance', viaToken: false };
});
afterAll(async () => {
  receiver.close();
  await up.sandbox.close();
  await t.close();
});

const deps = (over: Partial<RefundDeps> = {}): RefundDeps => ({
  db: t.db,
  client: up.client,
  now: () => new Date(),
  threshold: '5000',
  webhookConfigured: true,
  formatTime: (d) => d.toISOString(),
  ...over,
});

/** An order OneClick holds with the given lifecycle, registered in our database. */
async function order(timeline: TimelineStep[], amount = 500, msisdn = '0778037340') {
  const view = up.sandbox.controls.createTopup({
    msisdn,
    planCode: 'PREPAID_DJEZZY',
    amount,
    timeline,
  });
  const topup = topupSchema.parse(JSON.parse(JSON.stringify(view)));
  const { topupPk } = await observe(t.db, {
    topup,
    source: 'ingest',
    actor: { name: 'test' },
    now: new Date(),
  });
  return { topupPk, topupId: view._id };
}
const refunded = (amount?: number) => order([{ status: 'REFUNDED', atMs: 0 }], amount);

describe('refunding a customer exactly once', () => {
  it('50 concurrent refunds (desk and shop API, mixed), 20 times over: one refund, one audit row, one delivery each', async () => {
    const token = await issueToken(t.db, 'web shop');
    for (let round = 0; round < 20; round++) {
      const { topupPk, topupId } = await refunded();
      const calls = Array.from({ length: 50 }, (_, i) => {
        if (i % 2 === 0)
          return requestRefund(deps(), topupPk, finance).then((o) => ({ via: 'desk', o }));
        const request = new Request(`http://desk/api/v1/topups/${topupId}/refund`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token.token}` },
        });
        return handleRefund(request, topupId, deps()).then(async (r) => ({
          via: 'api',
          status: r.status,
          body: (await r.json()) as { error?: string; message?: string },
        }));
      });
      const results = await Promise.all(calls);
      const winners = results.filter((r) =>
        'o' in r ? r.o.kind === 'recorded' : r.status === 201,
      );
      expect(winners).toHaveLength(1);
      for (const r of results.filter((x) => !winners.includes(x))) {
        if ('o' in r) expect(r.o.kind).toBe('already');
        else
          expect(r).toMatchObject({
            status: 409,
            body: {
              error: 'already_refunded',
              message: expect.stringMatching(/^Already refunded by .+ on .+\.$/),
            },
          });
      }
      const [rows] = await Promise.all([
        t.db.select({ id: refunds.id }).from(refunds).where(eq(refunds.topupPk, topupPk)),
      ]);
      expect(rows).toHaveLength(1);
      const audits = await t.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.targetId, String(topupPk)),
            eq(auditLog.action, 'refund.create'),
            eq(auditLog.outcome, 'ok'),
          ),
        );
      expect(audits).toHaveLength(1);
    }
    await drainAll();
    const perRefund = new Map<string, number>();
    for (const r of received) perRefund.set(r.key, (perRefund.get(r.key) ?? 0) + 1);
    expect(perRefund.size).toBe(20);
    expect([...perRefund.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('refuses PENDING, HANDLING, FULFILLED and UNKNOWN_ERROR orders, confirms live, and audits each refusal', async () => {
    const cases: [TopupStatus, string][] = [
      ['PENDING', 'refund.refusedInFlight'],
      ['HANDLING', 'refund.refusedInFlight'],
      ['FULFILLED', 'refund.refusedFulfilled'],
      ['UNKNOWN_ERROR', 'refund.refusedUnknown'],
    ];
    for (const [status, reason] of cases) {
      const { topupPk } = await order([{ status, atMs: 0 }]);
      // Even if our row were wrong (say REFUNDED), the live answer decides.
      await t.db.update(topups).set({ status: 'REFUNDED' }).where(eq(topups.id, topupPk));
      const outcome = await requestRefund(deps(), topupPk, finance);
      expect(outcome).toMatchObject({ kind: 'refused', refusal: { reason } });
      // Our REFUNDED row stays (a regression is never applied) but is never refunded.
      const [row] = await t.db
        .select({ refundedAt: topups.refundedAt })
        .from(topups)
        .where(eq(topups.id, topupPk));
      expect(row).toEqual({ refundedAt: null });
      const denied = await t.db
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.targetId, String(topupPk)), eq(auditLog.outcome, 'denied')));
      expect(denied).toEqual([{ details: { reason, liveStatus: status } }]);
      expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toEqual([]);
    }
  });

  it('refuses support and managers, and audits it', async () => {
    const { topupPk } = await refunded();
    for (const role of ['support', 'manager'] as const) {
      const outcome = await requestRefund(deps(), topupPk, {
        userId: null,
        label: `${role}@shop.dz`,
        role,
        viaToken: false,
      });
      expect(outcome).toMatchObject({ kind: 'refused', refusal: { reason: 'refund.refusedRole' } });
    }
    const denied = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, String(topupPk)), eq(auditLog.outcome, 'denied')));
    expect(denied[0]?.n).toBe(2);
  });

  it('records nothing when OneClick cannot confirm', async () => {
    const { topupPk } = await refunded();
    up.sandbox.controls.setFaults({ rate: 1, kinds: ['503'] });
    const outcome = await requestRefund(deps(), topupPk, finance);
    up.sandbox.controls.setFaults(undefined);
    expect(outcome).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.upstreamUnavailable' },
    });
    expect(await t.db.select().from(refunds).where(eq(refunds.topupPk, topupPk))).toEqual([]);
  });
});

describe('maker-checker', () => {
  it('holds a refund above the threshold until another finance user approves it', async () => {
    const { topupPk } = await refunded(9000);
    const requested = await requestRefund(deps(), topupPk, finance);
    expect(requested).toMatchObject({
      kind: 'awaiting_approval',
      refund: { state: 'awaiting_approval', approvalReason: 'amount' },
    });
    expect(
      (await t.db.select({ at: topups.refundedAt }).from(topups).where(eq(topups.id, topupPk)))[0]
        ?.at,
    ).toBeNull();
    const { decideRefund } = await import('./service');
    expect(await decideRefund(deps(), topupPk, finance, 'approve', null)).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'refund.selfApproval' },
    });
    const second = await t.db.transaction((tx) =>
      createUser(tx, {
        email: 'karim@shop.dz',
        name: 'Karim',
        role: 'finance',
        password: 'a-long-password',
      }),
    );
    const approved = await decideRefund(
      deps(),
      topupPk,
      { userId: second.id, label: second.email, role: 'finance', viaToken: false },
      'approve',
      null,
    );
    expect(approved).toMatchObject({ kind: 'recorded', refund: { state: 'approved' } });
    expect(
      (await t.db.select({ at: topups.refundedAt }).from(topups).where(eq(topups.id, topupPk)))[0]
        ?.at,
    ).toBeInstanceOf(Date);
    expect(
      await t.db
        .select({ state: refundDeliveries.state })
        .from(refundDeliveries)
        .innerJoin(refunds, eq(refunds.id, refundDeliveries.refundId))
        .where(eq(refunds.topupPk, topupPk)),
    ).toEqual([{ state: 'pending' }]);
  });

  it('always asks for approval when the order went through UNKNOWN_ERROR', async () => {
    const { topupPk } = await order([{ status: 'UNKNOWN_ERROR', atMs: 0 }]);
    await t.db.update(topups).set({ unknownErrorAt: new Date() }).where(eq(topups.id, topupPk));
    up.sandbox.controls.resolveUnknown(
      (await t.db.select({ id: topups.topupId }).from(topups).where(eq(topups.id, topupPk)))[0]
        ?.id ?? '',
      'REFUNDED',
    );
    expect(await requestRefund(deps(), topupPk, finance)).toMatchObject({
      kind: 'awaiting_approval',
      refund: { approvalReason: 'unknown_error' },
    });
  });
});

describe('telling the merchant’s system', () => {
  it('signs each delivery with HMAC-SHA256 over timestamp and body, keyed by the refund id', async () => {
    received.length = 0;
    const { topupPk } = await refunded();
    const outcome = await requestRefund(deps(), topupPk, finance);
    if (outcome.kind === 'refused') throw new Error('refused');
    await drainAll();
    const hits = received.filter((r) => r.key === outcome.refund.id);
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    const { createHmac } = await import('node:crypto');
    const [, ts] = /t=(\d+)/.exec(hit?.signature ?? '') ?? [];
    expect(hit?.signature).toBe(
      `t=${ts},v1=${createHmac('sha256', 'test-webhook-secret-123').update(`${ts}.${hit?.body}`).digest('hex')}`,
    );
    expect(hit?.key).toBe(outcome.refund.id);
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
      event: 'refund.created',
      refundId: outcome.refund.id,
      amount: '500.00',
      phone: '0778037340',
    });
  });

  it('a crash between the refund commit and the delivery loses nothing and sends one delivery id', async () => {
    received.length = 0;
    const { topupPk } = await refunded();
    const outcome = await requestRefund(deps(), topupPk, finance);
    if (outcome.kind === 'refused') throw new Error('refused');
    // The first worker dies mid-send: its POST never completes and nothing is recorded.
    const dying = drainDeliveries({
      db: t.db,
      config: { url: webhookUrl, secret: 'test-webhook-secret-123' },
      now: () => new Date(),
      workerId: 'dying',
      fetch: () => new Promise(() => {}),
    });
    void dying;
    await until('the dying worker to claim the delivery', async () => {
      const [row] = await t.db
        .select({ by: refundDeliveries.claimedBy })
        .from(refundDeliveries)
        .where(eq(refundDeliveries.refundId, outcome.refund.id));
      return row?.by === 'dying';
    });
    // After a restart, once the lease has run out, the outbox row is still there.
    await drainDeliveries({
      db: t.db,
      config: { url: webhookUrl, secret: 'test-webhook-secret-123' },
      now: () => new Date(Date.now() + 61_000),
      workerId: 'restarted',
    });
    expect(new Set(received.map((r) => r.key))).toEqual(new Set([outcome.refund.id]));
    const [delivery] = await t.db
      .select({ state: refundDeliveries.state })
      .from(refundDeliveries)
      .where(eq(refundDeliveries.refundId, outcome.refund.id));
    expect(delivery?.state).toBe('delivered');
  });
});

async function drainAll() {
  for (let i = 0; i < 10; i++) {
    const { delivered } = await drainDeliveries({
      db: t.db,
      config: { url: webhookUrl, secret: 'test-webhook-secret-123' },
      now: () => new Date(),
      workerId: 'test',
      limit: 50,
    });
    if (delivered === 0) return;
  }
}
