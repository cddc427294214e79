import { expect, test } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, resends, topups } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { actionId, postAction } from './support/actions';
import { createStaff, demoUser, testDb, waitForStatus } from './support/db';
import { placeOrder } from './support/upstream';

// 0600000002 is refunded because its plan does not fit the line (a postpaid number); OneClick
// suggests FACTURE_DJEZZY. Re-sending with it serves the customer instead of refunding them.

test.describe('re-send with a suggested offer', () => {
  test('finance re-sends the 0600000002 refund as FACTURE_DJEZZY in two clicks; the customer is served', async ({
    page,
  }) => {
    const order = await placeOrder('0600000002', { planCode: 'PREPAID_DJEZZY', amount: 500 });
    await waitForStatus(order.id, 'REFUNDED');
    await new LoginPage(page).signInAs(demoUser('finance'));
    await page.goto(`/orders/${order.id}`);

    await page.getByRole('button', { name: 'Re-send as FACTURE_DJEZZY' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-send this top-up as FACTURE_DJEZZY?' });
    await expect(dialog).toContainText('0600000002');
    await expect(dialog).toContainText(/500\sDZD/);
    // What it costs our balance, from OneClick's plan list (FACTURE_DJEZZY: 0.99).
    await expect(dialog.getByTestId('resend-cost')).toHaveText(/495\sDZD/);
    await dialog.getByRole('button', { name: 'Confirm re-send' }).click();

    // Said in a toast (the button leaves the page), and kept on the order by the re-send panel.
    await expect(page.getByTestId('toast').first()).toContainText('Re-sent: OneClick order');
    const [row] = await testDb()
      .db.select({ state: resends.state, newTopupPk: resends.newTopupPk, ref: resends.ref })
      .from(resends)
      .where(eq(resends.originalPk, order.id));
    expect(row?.state).toBe('sent');
    // The original says what became of it, and offers neither a refund nor a second re-send.
    await expect(page.getByTestId('resend-state')).toContainText(
      'Re-sent as FACTURE_DJEZZY (500\u00a0DZD) by Demo Finance',
    );
    await expect(page.getByTestId('linked-resend')).toContainText('Re-sent as');
    await expect(page.getByRole('button', { name: 'Re-send as FACTURE_DJEZZY' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Refund customer' })).toHaveCount(0);

    // The new order is tracked from the first second; OneClick delivers it 15 s later.
    const newPk = row?.newTopupPk ?? 0;
    expect(newPk).toBeGreaterThan(0);
    await waitForStatus(newPk, 'FULFILLED');
    await page.goto(`/orders/${newPk}`);
    await expect(page.getByTestId('order-header')).toContainText('Fulfilled');
    await expect(page.getByTestId('linked-parent')).toContainText(`Re-send of ${order.topupId}`);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('refund-state')).toContainText('the customer got their top-up');
    // One order under the re-send's ref: it was sent once.
    expect(
      await testDb()
        .db.select({ id: topups.id })
        .from(topups)
        .where(eq(topups.ref, row?.ref ?? '')),
    ).toHaveLength(1);
  });

  test('support sees the offer but no re-send button, and a re-send posted as support is refused and audited', async ({
    page,
  }) => {
    const order = await placeOrder('0600000002', { planCode: 'PREPAID_DJEZZY', amount: 500 });
    await waitForStatus(order.id, 'REFUNDED');
    const support = await createStaff('support');
    await new LoginPage(page).signInAs(support);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('customer-message')).toContainText('FACTURE_DJEZZY');
    await expect(page.getByRole('button', { name: /Re-send as/ })).toHaveCount(0);

    const text = await postAction(
      page,
      `/orders/${order.id}`,
      actionId('resendAction', 'refunds/resend-actions'),
      [{ id: order.id, planCode: 'FACTURE_DJEZZY', amount: '500' }],
    );
    expect(text).toContain('Your role (Support) may not do this.');
    expect(
      await testDb().db.select().from(resends).where(eq(resends.originalPk, order.id)),
    ).toEqual([]);
    const [audit] = await testDb()
      .db.select({ outcome: auditLog.outcome, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorEmail, support.email), eq(auditLog.action, 'resend.create')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toEqual({
      outcome: 'denied',
      details: { reason: 'role', needs: 'resends:create' },
    });
  });
});
