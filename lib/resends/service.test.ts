import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recoveredByBucket, refundsAvoided } from '../../db/queries/refunds';
import { listResendsAwaiting } from '../../db/queries/resends';
import { auditLog, resends, topupEvents, topups } from '../../db/schema';
import { issueToken } from '../../test/api-support';
import {
  type ApiBody,
  checker,
  clock,
  deps,
  FACTURE,
  maker,
  original,
  refundedWithOffers,
  sandbox,
  sends,
  setupResends,
  support,
  t,
} from '../../test/resends';
import { handleRefund } from '../api/refund';
import { handleResend } from '../api/resend';
import { topupSchema } from '../oneclick/schemas';
import { requestRefund } from '../refunds/service';
import { deliverOnce } from '../refunds/webhook';
import { observe } from '../sync/observe';
import { resendRef } from './policy';
import { decideResend, type ResendActor, requestResend } from './service';

// A top-up OneClick refunded because the plan did not fit the number comes back with offers
// that fit (0600000002: FACTURE_DJEZZY for a postpaid line). Re-sending it with one serves the
// customer instead of refunding them: once per original, never sent twice. How the send's
// answer is settled is in ./send.test.ts.

setupResends();

describe('re-sending a refunded top-up with a suggested offer', () => {
  it('sends it once, tracks the new order from the first second, linked both ways', async () => {
    const order = await refundedWithOffers();
    const outcome = await requestResend(deps(), order.topupPk, maker, FACTURE);
    expect(outcome.kind).toBe('sent');
    if (outcome.kind !== 'sent') return;
    const ref = resendRef(order.topupId);
    expect(sends(ref)).toHaveLength(1);
    const [fresh] = await t.db
      .select({
        id: topups.id,
        source: topups.source,
        parentPk: topups.parentPk,
        linkKind: topups.linkKind,
        planCode: topups.planCode,
        ref: topups.ref,
      })
      .from(topups)
      .where(eq(topups.topupId, outcome.resend.newTopupId ?? ''));
    expect(fresh).toMatchObject({
      source: 'resend',
      parentPk: order.topupPk,
      linkKind: 'resend',
      planCode: 'FACTURE_DJEZZY',
      ref,
    });
    expect(outcome.resend.newTopupPk).toBe(fresh?.id);
    // In flight: the original is out of the refunds due, and its refund is refused.
    expect(await original(order.topupPk)).toMatchObject({
      chainState: 'open',
      resendOrderId: outcome.resend.newTopupId,
    });
    // Both timelines say so, and the audit log has the claim and the send.
    const events = await t.db
      .select({ kind: topupEvents.kind, message: topupEvents.message })
      .from(topupEvents)
      .where(eq(topupEvents.topupPk, order.topupPk));
    expect(events.filter((e) => e.kind === 'resend').map((e) => e.message)).toEqual([
      'Re-sending as FACTURE_DJEZZY 500.00 DZD.',
      `Re-sent as FACTURE_DJEZZY 500.00 DZD: OneClick order ${outcome.resend.newTopupId}.`,
    ]);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(order.topupPk)));
    expect(audits.map((a) => a.action)).toEqual(['resend.create', 'resend.sent']);
    // The merchant's system is told, signed, keyed by the re-send's id, with the new order.
    const posted: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];
    const delivered = await deliverOnce(
      {
        db: t.db,
        config: { url: 'http://shop.example/hooks', secret: 'whsec' },
        now: () => new Date(clock.now()),
        fetch: async (_url, init) => {
          posted.push({
            headers: init.headers as Record<string, string>,
            body: JSON.parse(String(init.body)),
          });
          return new Response(null, { status: 204 });
        },
      },
      outcome.resend.id,
      'test',
    );
    expect(delivered).toBe('delivered');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.headers['idempotency-key']).toBe(outcome.resend.id);
    expect(posted[0]?.headers['x-flexy-event']).toBe('topup.resent');
    expect(posted[0]?.body).toEqual({
      event: 'topup.resent',
      resendId: outcome.resend.id,
      topupId: order.topupId,
      ref: expect.any(String),
      phone: '0600000002',
      customerRef: null,
      planCode: 'FACTURE_DJEZZY',
      amount: '500.00',
      currency: 'DZD',
      newTopupId: outcome.resend.newTopupId,
      newRef: ref,
      resentAt: expect.any(String),
    });

    // FULFILLED: the customer was served; refunding the original is refused, naming the re-send.
    clock.advance(20_000);
    const served = topupSchema.parse(
      JSON.parse(JSON.stringify(sandbox.controls.get(outcome.resend.newTopupId ?? ''))),
    );
    await observe(t.db, {
      topup: served,
      source: 'poll',
      actor: { name: 'worker' },
      now: new Date(clock.now()),
    });
    expect((await original(order.topupPk))?.chainState).toBe('served');
    // The manager's landing counts the refund avoided, at what the original would have refunded.
    expect(await refundsAvoided(t.db, new Date(clock.now() - 86_400_000))).toEqual({
      count: 1,
      amount: '500.00',
    });
    // …and the reports' "recovered" series has it on the day it was re-sent (Algiers).
    expect(
      await recoveredByBucket(t.db, {
        from: new Date(Date.UTC(2026, 10, 19, 23)),
        to: new Date(Date.UTC(2026, 10, 20, 23)),
        granularity: 'day',
        timeZone: 'Africa/Algiers',
      }),
    ).toEqual([{ key: '2026-11-20', recovered: 1, amount: '500.00' }]);
    const refund = await requestRefund(
      { ...deps(), webhookConfigured: false },
      order.topupPk,
      maker,
    );
    expect(refund).toMatchObject({
      kind: 'refused',
      refusal: {
        reason: 'refund.refusedLinkedServed',
        params: { id: outcome.resend.newTopupId, kind: 'resend' },
      },
    });
    // The shop's API answers the same: 422, naming the re-send that served the customer.
    clock.advance(11_000);
    const token = await issueToken(t.db, 'shop');
    const response = await handleRefund(
      new Request(`http://desk/api/v1/topups/${order.topupId}/refund`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.token}` },
      }),
      order.topupId,
      { ...deps(), webhookConfigured: false },
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as ApiBody;
    expect(body.error).toBe('not_refundable');
    expect(body.message).toBe(
      `Not refundable: this top-up was re-sent as ${outcome.resend.newTopupId}, which was FULFILLED. The customer got their top-up.`,
    );
  });

  it('lets 50 re-sends race, from the desk and the shop’s API: one send, one new order, everyone else told who did', async () => {
    const order = await refundedWithOffers();
    const ref = resendRef(order.topupId);
    const token = await issueToken(t.db, `shop-${order.topupId}`);
    const viaApi = () =>
      handleResend(
        new Request(`http://desk/api/v1/topups/${order.topupId}/resend`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ planCode: 'FACTURE_DJEZZY', amount: 500 }),
        }),
        order.topupId,
        deps(),
      ).then(async (res) => ({ status: res.status, body: (await res.json()) as ApiBody }));
    const viaDesk = (who: ResendActor) =>
      requestResend(deps(), order.topupPk, who, FACTURE).then((o) => ({
        status: o.kind === 'sent' ? 201 : o.kind === 'already' ? 409 : 0,
        body:
          o.kind === 'refused' ? {} : { resend: { createdBy: who.label, state: o.resend.state } },
        outcome: o,
      }));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? viaApi() : viaDesk(i % 4 ? maker : checker))),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    expect(sends(ref)).toHaveLength(1);
    expect(await t.db.select().from(topups).where(eq(topups.ref, ref))).toHaveLength(1);
    // Everyone else is told who re-sent it and when: the desk by the re-send itself, the API
    // in its message and its body.
    const [row] = await t.db.select().from(resends).where(eq(resends.originalPk, order.topupPk));
    const who = row?.createdVia.startsWith('user:')
      ? row.createdVia.slice('user:'.length)
      : (row?.createdVia ?? '?');
    for (const a of answers)
      if (a.status !== 409) continue;
      else if ('outcome' in a)
        expect(a.outcome).toMatchObject({
          kind: 'already',
          resend: { createdVia: row?.createdVia, createdAt: row?.createdAt },
        });
      else {
        expect(a.body.error).toBe('already_resent');
        expect(a.body.message).toContain(who);
        expect(a.body.resend?.createdAt).toBe(row?.createdAt.toISOString());
      }
  });

  it('puts the original back in the refunds due when the re-send ends REFUNDED too', async () => {
    // 0600000001 refunds every top-up (wrong number): its re-send is refunded as well.
    const offer = { typename: 'Mobilis 500', plan_code: 'PREPAID_MOBILIS', amount: 500 };
    const order = await refundedWithOffers('0600000001', [offer], 'PREPAID_MOBILIS');
    const outcome = await requestResend(deps(), order.topupPk, maker, {
      planCode: 'PREPAID_MOBILIS',
      amount: '500',
    });
    expect(outcome.kind).toBe('sent');
    if (outcome.kind !== 'sent') return;
    clock.advance(20_000);
    const refunded = topupSchema.parse(
      JSON.parse(JSON.stringify(sandbox.controls.get(outcome.resend.newTopupId ?? ''))),
    );
    await observe(t.db, {
      topup: refunded,
      source: 'poll',
      actor: { name: 'worker' },
      now: new Date(clock.now()),
    });
    expect((await original(order.topupPk))?.chainState).toBe('refunded');
    clock.advance(11_000);
    const refund = await requestRefund(
      { ...deps(), webhookConfigured: false },
      order.topupPk,
      maker,
    );
    // A chain is unusual: a second finance user approves the one refund.
    expect(refund.kind).toBe('awaiting_approval');
  });

  it('refuses support, an offer OneClick did not suggest, and an order already refunded', async () => {
    const order = await refundedWithOffers();
    expect(await requestResend(deps(), order.topupPk, support, FACTURE)).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'resend.refusedRole' },
    });
    expect(
      await requestResend(deps(), order.topupPk, maker, {
        planCode: 'FACTURE_DJEZZY',
        amount: '5000',
      }),
    ).toMatchObject({ kind: 'refused', refusal: { reason: 'resend.notAnOffer' } });
    const denied = await t.db
      .select({ action: auditLog.action, outcome: auditLog.outcome, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(order.topupPk)));
    expect(denied.map((d) => [d.action, d.outcome])).toEqual([
      ['resend.create', 'denied'],
      ['resend.create', 'denied'],
    ]);
    expect(sends(resendRef(order.topupId))).toHaveLength(0);
  });

  it('waits for a second finance user above the threshold', async () => {
    const order = await refundedWithOffers();
    const outcome = await requestResend(deps({ threshold: '100' }), order.topupPk, maker, FACTURE);
    expect(outcome.kind).toBe('awaiting_approval');
    expect((await original(order.topupPk))?.chainState).toBe('open');
    // The refunds page lists it for the other finance users.
    const waiting = async () => (await listResendsAwaiting(t.db)).map((r) => r.originalPk);
    expect(await waiting()).toContain(order.topupPk);
    expect(sends(resendRef(order.topupId))).toHaveLength(0);
    expect(await decideResend(deps(), order.topupPk, maker, 'approve', null)).toMatchObject({
      kind: 'refused',
      refusal: { reason: 'resend.selfApproval' },
    });
    clock.advance(11_000);
    const approved = await decideResend(deps(), order.topupPk, checker, 'approve', null);
    expect(approved.kind).toBe('sent');
    expect(await waiting()).not.toContain(order.topupPk);
    expect(sends(resendRef(order.topupId))).toHaveLength(1);
  });
});
