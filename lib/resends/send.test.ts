import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { resends, topupEvents, topups } from '../../db/schema';
import {
  client,
  clock,
  deps,
  FACTURE,
  maker,
  original,
  refundedWithOffers,
  sandbox,
  sends,
  setupResends,
  t,
} from '../../test/resends';
import { topupSchema } from '../oneclick/schemas';
import { fetchLinkedOrders } from '../sync/linked';
import { observe } from '../sync/observe';
import { resendRef } from './policy';
import { requestResend, settleResends } from './service';

// A claimed re-send goes to OneClick once, under its ref. What its answer says is recorded; an
// answer that is lost is settled by the ref, never by sending again; a refusal leaves nothing
// sent and the refund due.

setupResends();

describe('sending a re-send and settling its answer', () => {
  it('settles a send whose answer was lost with check-ref, never sending it again', async () => {
    const order = await refundedWithOffers();
    const ref = resendRef(order.topupId);
    // The send is handled, its answer lost; the client's own check-ref is lost too.
    sandbox.controls.queueFault('500', { path: '/mobile/send' });
    sandbox.controls.queueFault('503', { path: '/mobile/check-ref', times: 2 });
    const outcome = await requestResend(deps(), order.topupPk, maker, FACTURE);
    expect(outcome.kind).toBe('sending');
    expect((await original(order.topupPk))?.chainState).toBe('open');
    // Too soon for the engine: the sender may still be settling it.
    expect(await settleResends(deps())).toBe(0);
    clock.advance(61_000);
    expect(await settleResends(deps())).toBe(1);
    const [row] = await t.db.select().from(resends).where(eq(resends.originalPk, order.topupPk));
    expect(row).toMatchObject({ state: 'sent', settledVia: 'check-ref' });
    expect(sends(ref)).toHaveLength(1);
    const held = await t.db.select().from(topups).where(eq(topups.ref, ref));
    expect(held).toHaveLength(1);
    expect(held[0]?.source).toBe('resend');
  });

  it('records a re-send it had given up on when OneClick made it after all, and says so', async () => {
    const order = await refundedWithOffers();
    const ref = resendRef(order.topupId);
    sandbox.controls.queueFault('500', { path: '/mobile/send' });
    sandbox.controls.queueFault('503', { path: '/mobile/check-ref', times: 3 });
    expect((await requestResend(deps(), order.topupPk, maker, FACTURE)).kind).toBe('sending');
    // As the engine leaves it after 15 minutes without the order at OneClick: not made.
    await t.db
      .update(resends)
      .set({ state: 'failed', errorCode: 'NOT_FOUND', errorMessage: 'not found' })
      .where(eq(resends.originalPk, order.topupPk));
    await t.db.update(topups).set({ chainState: null }).where(eq(topups.id, order.topupPk));
    // Then its order reaches us through the list.
    const late = topupSchema.parse(JSON.parse(JSON.stringify(sandbox.controls.getByRef(ref))));
    await observe(t.db, {
      topup: late,
      source: 'list-sync',
      actor: { name: 'worker' },
      now: new Date(clock.now()),
    });
    expect(await settleResends(deps())).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(resends).where(eq(resends.originalPk, order.topupPk));
    expect(row).toMatchObject({ state: 'sent', settledVia: 'list', newTopupId: late._id });
    expect((await original(order.topupPk))?.chainState).not.toBeNull();
    const said = await t.db
      .select({ message: topupEvents.message })
      .from(topupEvents)
      .where(eq(topupEvents.topupPk, order.topupPk));
    expect(said.map((e) => e.message).join('\n')).toContain('after the desk had given up on it');
    expect(sends(ref)).toHaveLength(1);
  });

  it('records nothing as sent when the balance is too low, and may be asked again once funded', async () => {
    const order = await refundedWithOffers();
    const ref = resendRef(order.topupId);
    const balance = sandbox.controls.balanceCents() / 100;
    sandbox.controls.deposit(-(balance - 100));
    const outcome = await requestResend(deps(), order.topupPk, maker, FACTURE);
    expect(outcome).toMatchObject({
      kind: 'failed',
      resend: { state: 'failed', errorCode: 'INSUFFICIENT_BALANCE', newTopupId: null },
    });
    expect(await t.db.select().from(topups).where(eq(topups.ref, ref))).toHaveLength(0);
    // Nothing was sent: the refund is due again.
    expect((await original(order.topupPk))?.chainState).toBeNull();
    sandbox.controls.deposit(balance);
    clock.advance(11_000);
    const again = await requestResend(deps(), order.topupPk, maker, FACTURE);
    expect(again.kind).toBe('sent');
    expect(sends(ref)).toHaveLength(2); // the refused one, and this one
  });

  it('ties a re-send a list poll wrote unlinked (each writer missed the other) on the next duty', async () => {
    const order = await refundedWithOffers();
    const outcome = await requestResend(deps(), order.topupPk, maker, FACTURE);
    if (outcome.kind !== 'sent') throw new Error(`not sent: ${outcome.kind}`);
    // What the race leaves: the original names its re-send, the re-send is held but untied.
    await t.db
      .update(topups)
      .set({ parentPk: null, linkKind: null })
      .where(eq(topups.topupId, outcome.resend.newTopupId ?? ''));
    await t.db.update(topups).set({ chainState: null }).where(eq(topups.id, order.topupPk));
    await fetchLinkedOrders({
      db: t.db,
      client,
      now: () => clock.now(),
      workerId: 'test',
    });
    const [fresh] = await t.db
      .select({ parentPk: topups.parentPk, linkKind: topups.linkKind })
      .from(topups)
      .where(eq(topups.topupId, outcome.resend.newTopupId ?? ''));
    expect(fresh).toEqual({ parentPk: order.topupPk, linkKind: 'resend' });
    expect((await original(order.topupPk))?.chainState).toBe('open');
  });
});
