import { expect, test } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, refunds, topups } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { actionId, postAction } from './support/actions';
import { createStaff, demoUser, testDb, waitForStatus } from './support/db';
import { placeOrder } from './support/upstream';

const user = demoUser;

test.describe('refunds', () => {
  test('finance refunds the sandbox 0600000001 order from the queue in two clicks', async ({
    page,
  }) => {
    const order = await placeOrder('0600000001', { planCode: 'PREPAID_MOBILIS', amount: 400 });
    await waitForStatus(order.id, 'REFUNDED');
    await new LoginPage(page).signInAs(user('finance'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Refunds' })
      .click();
    const item = page.getByTestId('refund-due-item').filter({ hasText: order.ref });
    await expect(item).toContainText('رقم الهاتف خاطئ');
    await item.getByRole('button', { name: 'Refund customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Refund the customer?' });
    await expect(dialog).toContainText('400 DZD');
    await expect(dialog).toContainText('0600000001');
    await dialog.getByRole('button', { name: 'Confirm refund' }).click();
    await expect(page.getByTestId('refund-result').first()).toHaveText('Refund recorded.');
    await expect(page.getByTestId('refund-due-item').filter({ hasText: order.ref })).toHaveCount(0);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('refund-state')).toContainText(
      /Refunded 400\sDZD to the customer by Demo Finance/,
    );
    await expect(page.getByRole('button', { name: 'Refund customer' })).toHaveCount(0);
    const rows = await testDb()
      .db.select({ id: refunds.id })
      .from(refunds)
      .where(eq(refunds.topupPk, order.id));
    expect(rows).toHaveLength(1);
  });

  test('the 0600000003 UNKNOWN_ERROR order has no refund button and says why', async ({ page }) => {
    const order = await placeOrder('0600000003', { planCode: 'PREPAID_MOBILIS' });
    await waitForStatus(order.id, 'UNKNOWN_ERROR');
    await new LoginPage(page).signInAs(user('finance'));
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('refund-state')).toContainText(
      'Not refundable yet: OneClick has not decided this top-up. It re-checks at',
    );
    await expect(page.getByRole('button', { name: 'Refund customer' })).toHaveCount(0);
  });

  test('support sees no refund control, and a refund posted directly as support is refused and audited', async ({
    page,
  }) => {
    const order = await placeOrder('0600000001', { planCode: 'PREPAID_MOBILIS' });
    await waitForStatus(order.id, 'REFUNDED');
    const support = await createStaff('support');
    await new LoginPage(page).signInAs(support);
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('refund-state')).toContainText('Refund due');
    await expect(page.getByRole('button', { name: 'Refund customer' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Refunds' })).toHaveCount(0);
    const text = await postAction(
      page,
      `/orders/${order.id}`,
      actionId('refundCustomer', 'refunds/actions'),
      [{ id: order.id }],
    );
    expect(text).toContain('Your role (Support) may not do this.');
    expect(await testDb().db.select().from(refunds).where(eq(refunds.topupPk, order.id))).toEqual(
      [],
    );
    const [audit] = await testDb()
      .db.select({ outcome: auditLog.outcome })
      .from(auditLog)
      .where(and(eq(auditLog.actorEmail, support.email), eq(auditLog.action, 'refund.create')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.outcome).toBe('denied');
  });

  test('a refund posted directly for a FULFILLED order is refused server-side', async ({
    page,
  }) => {
    const order = await placeOrder('0779998877');
    await waitForStatus(order.id, 'FULFILLED');
    await new LoginPage(page).signInAs(user('finance'));
    await page.goto(`/orders/${order.id}`);
    const text = await postAction(
      page,
      `/orders/${order.id}`,
      actionId('refundCustomer', 'refunds/actions'),
      [{ id: order.id }],
    );
    expect(text).toContain('Not refundable: OneClick says the top-up was delivered.');
    expect(await testDb().db.select().from(refunds).where(eq(refunds.topupPk, order.id))).toEqual(
      [],
    );
  });

  test('a REFUNDED top-up whose retry was FULFILLED (0600000004) has no refund button and names the retry', async ({
    page,
  }) => {
    const order = await placeOrder('0600000004', { planCode: 'PREPAID_MOBILIS' });
    // The original is REFUNDED at 15 s; OneClick's retry of it is FULFILLED 15 s later. The
    // engine fetches the retry the original names and follows it to the end.
    const served = async () => {
      const [row] = await testDb()
        .db.select({ chainState: topups.chainState, retryId: topups.retryOrderId })
        .from(topups)
        .where(eq(topups.id, order.id));
      expect(row?.chainState).toBe('served');
      return row?.retryId ?? '';
    };
    await expect(served).toPass({ timeout: 90_000, intervals: [2_000] });
    const retryId = await served();
    await new LoginPage(page).signInAs(user('finance'));
    await page.goto(`/orders/${order.id}`);
    await expect(page.getByTestId('refund-state')).toContainText(
      'A linked order was delivered: the customer got their top-up',
    );
    await expect(page.getByRole('button', { name: 'Refund customer' })).toHaveCount(0);
    const link = page.getByTestId('linked-retry');
    await expect(link).toContainText(`Retried by OneClick as ${retryId}`);
    await expect(link).toContainText('Fulfilled');
    await link.getByRole('link').click();
    await expect(page.getByTestId('linked-parent')).toContainText(`Retry of ${order.topupId}`);
    await expect(page.getByTestId('refund-state')).toContainText(order.topupId);
    // Posted directly, the refund is refused server-side with the retry named.
    await page.goto(`/orders/${order.id}`);
    const text = await postAction(
      page,
      `/orders/${order.id}`,
      actionId('refundCustomer', 'refunds/actions'),
      [{ id: order.id }],
    );
    expect(text).toContain(retryId);
    expect(await testDb().db.select().from(refunds).where(eq(refunds.topupPk, order.id))).toEqual(
      [],
    );
  });
});
