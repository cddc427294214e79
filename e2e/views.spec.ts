import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { inArray } from 'drizzle-orm';
import { topups } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { seriousViolations } from './support/axe';
import { createStaff, testDb } from './support/db';
import { shortcutsReady } from './support/keys';
import { placeOrder } from './support/upstream';

// Saved views shared with a role, and the desk's global keyboard shortcuts.

const orderIds = (page: Page) =>
  page.getByTestId('order-row').evaluateAll((rows) => rows.map((r) => r.dataset.orderId));

/** Waits until the background engine has seen the sandbox declare every order UNKNOWN_ERROR. */
async function waitForUnknown(ids: number[]) {
  await expect(async () => {
    const rows = await testDb()
      .db.select({ status: topups.status })
      .from(topups)
      .where(inArray(topups.id, ids));
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'UNKNOWN_ERROR'));
  }).toPass({ timeout: 60_000, intervals: [1_000] });
}

test.describe('saved views', () => {
  test.setTimeout(120_000);

  test('a manager shares a view with support; support opens it as a tab and sees the same orders', async ({
    page,
    browser,
  }) => {
    // An amount no other test uses keeps the view's rows to this test's orders.
    const amount = 400 + Math.floor(Math.random() * 90);
    const orders = [
      await placeOrder('0600000003', { planCode: 'PREPAID_MOBILIS', amount }),
      await placeOrder('0600000003', { planCode: 'PREPAID_MOBILIS', amount }),
      await placeOrder('0600000003', { planCode: 'PREPAID_OOREDOO', amount }),
    ];
    await waitForUnknown(orders.map((o) => o.id));
    const name = `Mobilis unknown ${randomBytes(3).toString('hex')}`;

    await new LoginPage(page).signInAs(await createStaff('manager'));
    await page.goto('/orders');
    await page
      .getByRole('navigation', { name: 'Orders by status' })
      .getByRole('link', { name: /Unknown error/ })
      .click();
    await expect(page).toHaveURL(/tab=UNKNOWN_ERROR/);
    await page.getByRole('combobox', { name: 'Operator' }).selectOption('Mobilis');
    await page.getByLabel('Min amount (DZD)').fill(String(amount));
    await page.getByLabel('Max amount (DZD)').fill(String(amount));
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/operator=Mobilis/);
    await expect(page.getByTestId('order-row')).toHaveCount(2);
    const managerIds = await orderIds(page);

    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this view' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Who sees it').selectOption({ label: 'Everyone in Support' });
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`View “${name}” saved.`)).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Saved views' }).getByRole('link', { name }),
    ).toHaveAttribute('aria-current', 'page');

    const support = await (await browser.newContext()).newPage();
    await new LoginPage(support).signInAs(await createStaff('support'));
    await support.goto('/orders');
    const tab = support
      .getByRole('navigation', { name: 'Saved views' })
      .getByRole('link', { name });
    await tab.click();
    await expect(support).toHaveURL(/operator=Mobilis/);
    await expect(tab).toHaveAttribute('aria-current', 'page');
    await expect(support.getByTestId('order-row')).toHaveCount(2);
    expect((await orderIds(support)).sort()).toEqual(managerIds.sort());
    expect(await seriousViolations(support)).toEqual([]);
  });
});

test.describe('keyboard shortcuts', () => {
  test('g u opens the unknown queue, ? lists the shortcuts and Escape closes the list', async ({
    page,
  }) => {
    await new LoginPage(page).signInAs(await createStaff('support'));
    await page.goto('/');
    await shortcutsReady(page);
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await expect(page).toHaveURL(/\/unknown$/);
    await expect(page.getByTestId('shortcut-announcer')).toHaveText('Opening Unknown errors');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByText('Orders', { exact: true })).toBeVisible();
    await expect(help.getByText('Next row')).toBeVisible();
    // Support may not open the refunds queue: its shortcut is neither listed nor working.
    await expect(help.getByText('Refunds', { exact: true })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.waitForTimeout(500);
    await expect(page).toHaveURL(/\/unknown$/);
  });

  test('letters typed into a field are not shortcuts', async ({ page }) => {
    await new LoginPage(page).signInAs(await createStaff('support'));
    await page.goto('/');
    await page.getByRole('banner').getByRole('searchbox').click();
    await page.keyboard.type('gu?');
    await page.waitForTimeout(300);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});
