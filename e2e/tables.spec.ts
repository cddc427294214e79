import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { demoUser } from './support/db';
import { rowKeysReady } from './support/keys';
import { placeOrder } from './support/upstream';

const user = demoUser;

/** A number no other spec uses, so the list holds exactly this spec's orders. */
const phone = () => `0770${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

test.describe('tables from the kit', () => {
  test('j, j, k, Enter on the orders list opens the order of the row in focus', async ({
    page,
  }) => {
    const msisdn = phone();
    for (const amount of [100, 200, 300]) await placeOrder(msisdn, { amount });
    await new LoginPage(page).signInAs(user('support'));
    await page.goto(`/orders?phone=${msisdn}&sort=amount&dir=asc`);
    const rows = page.getByTestId('order-row');
    await expect(rows).toHaveCount(3);
    const ids = await rows.evaluateAll((r) => r.map((row) => row.getAttribute('data-order-id')));

    await rowKeysReady(page);
    await page.keyboard.press('j');
    await expect(rows.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toBeFocused();
    await expect(rows.nth(1)).toHaveAttribute('aria-rowindex', '3');
    await expect(page.getByRole('status').filter({ hasText: 'Row 2 of 3' })).toBeAttached();
    await page.keyboard.press('k');
    await expect(rows.nth(0)).toBeFocused();
    await expect(rows.nth(0)).toHaveAttribute('data-active', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/orders/${ids[0]}$`));
    await expect(page.getByTestId('order-header')).toContainText(msisdn);
  });

  test('keys typed in a filter field stay in the field', async ({ page }) => {
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders');
    await page.getByLabel('Plan code').fill('jjk');
    await expect(page.getByLabel('Plan code')).toHaveValue('jjk');
    await expect(page.locator('[data-kit-row][data-active]')).toHaveCount(0);
  });

  test('the column menu hides a column and keeps it hidden in the URL', async ({ page }) => {
    await placeOrder(phone());
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders');
    const table = page.getByRole('region', { name: 'Orders' }).getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Reference' })).toBeVisible();
    await page.getByRole('button', { name: /Columns/ }).click();
    const menu = page.getByRole('menu');
    await menu.getByRole('menuitemcheckbox', { name: 'Reference' }).click();
    await expect(page).toHaveURL(/hide=ref/);
    await expect(table.getByRole('columnheader', { name: 'Reference' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  });

  test('a sortable header is a button and says how the list is sorted', async ({ page }) => {
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders?sort=amount&dir=asc');
    const amount = page.getByRole('columnheader', { name: /Amount/ });
    await expect(amount).toHaveAttribute('aria-sort', 'ascending');
    await amount.getByRole('button').click();
    // Descending is the default direction, so the URL simply drops `dir`.
    await expect(page).toHaveURL(/\/orders\?sort=amount$/);
    await expect(page.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  test('an hour from a chart opens as [14:00, 15:00) and the form keeps the minutes', async ({
    page,
  }) => {
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders?from=2026-11-29T14:00&to=2026-11-29T15:00');
    await expect(page.getByLabel('Created from')).toHaveValue('2026-11-29T14:00');
    await expect(page.getByLabel('Created to')).toHaveValue('2026-11-29T15:00');
    await expect(page.getByText('Ignored invalid filter values')).toHaveCount(0);
  });
});
