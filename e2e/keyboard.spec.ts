import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { demoUsers, testDb } from './support/db';
import { rowKeysReady, shortcutsReady } from './support/keys';
import { placeOrder } from './support/upstream';

// The desk by keyboard alone: a support agent reaches the UNKNOWN_ERROR queue, moves to the
// overdue order and opens the escalation pack to send to OneClick, without touching the mouse.

test('keyboard only: find an overdue UNKNOWN_ERROR order and open its escalation pack', async ({
  page,
}) => {
  const order = await placeOrder('0600000003', { planCode: 'PREPAID_MOBILIS' });
  const support = demoUsers().find((u) => u.role === 'support');
  if (!support) throw new Error('no demo support user');
  await new LoginPage(page).signInAs(support);
  // The sandbox declares it UNKNOWN_ERROR 15 s after creation and the engine records it.
  await expect(async () => {
    const { rows } = await testDb().pool.query<{ status: string }>(
      'select status from topups where id = $1',
      [order.id],
    );
    expect(rows[0]?.status).toBe('UNKNOWN_ERROR');
  }).toPass({ timeout: 45_000, intervals: [2_000] });
  // A day and an hour later (what OneClick's 24 h resolution window looks like when it lapses):
  // the order is overdue, the oldest in the queue, and has a pack to send.
  await testDb().pool.query(
    "update topups set unknown_error_at = now() - interval '25 hours' where id = $1",
    [order.id],
  );

  await page.goto('/');
  await shortcutsReady(page);
  await page.locator('body').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('u');
  await expect(page).toHaveURL(/\/unknown$/);

  // j moves to the first row: the oldest, ours.
  await rowKeysReady(page);
  await page.keyboard.press('j');
  const row = page.getByTestId('unknown-item').filter({ hasText: order.ref });
  await expect(row).toBeFocused();

  // Tab walks into the row to its escalation pack; Enter opens it.
  const summary = row.getByText('Escalation pack', { exact: false }).first();
  for (let i = 0; i < 8 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const pack = row.locator('pre');
  await expect(pack).toBeVisible();
  await expect(pack).toContainText(order.ref);
  await expect(pack).toContainText(/UNKNOWN_ERROR/);
});
