import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { LoginPage } from './pages/login-page';
import { createStaff, demoUsers, testDb } from './support/db';

const DAY = '2026-11-01';

test.describe('reports', () => {
  test.beforeAll(async () => {
    // Twelve settled orders on a fixed past day (10 fulfilled, 2 refunded), as the rollups see them.
    await testDb().db.execute(sql`
      insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount, upstream_created_at, source, finalized_at)
      select 'rep-' || g, (case when g <= 10 then 'FULFILLED' else 'REFUNDED' end)::topup_status, 'PREPAID_DJEZZY', 'Djezzy', '0771234567', 500, 496.25,
             timestamptz '2026-11-01 12:00+01' + g * interval '1 minute', 'list-sync', timestamptz '2026-11-01 12:00+01' + g * interval '1 minute' + interval '12 seconds'
      from generate_series(1, 12) g
      on conflict do nothing`);
  });

  test('a manager clicks a point on the fulfilment-rate chart and lands on those orders', async ({
    page,
  }) => {
    const manager = demoUsers().find((u) => u.role === 'manager');
    if (!manager) throw new Error('no demo manager');
    await new LoginPage(page).signInAs(manager);
    // The background engine refreshes the rollups every few seconds.
    await expect(async () => {
      await page.goto(`/reports?range=custom&from=2026-10-30&to=2026-11-03`);
      await expect(
        page.getByTestId('rate-table').locator('tbody tr', { hasText: DAY }),
      ).toBeAttached({ timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [2_000] });
    await expect(page.getByRole('heading', { name: 'Fulfilment rate', exact: true })).toBeVisible();
    await expect(page.getByTestId('heatmap')).toBeVisible();
    const rows = await page.getByTestId('rate-table').locator('tbody tr').allTextContents();
    const index = rows.findIndex((r) => r.startsWith(DAY));
    expect(rows[index]).toContain('83.3% (10)');
    // Click the fulfilled-rate dot of that day.
    await page
      .getByTestId('rate-chart')
      .locator('.recharts-line-dots')
      .first()
      .locator('circle')
      .nth(index)
      .click();
    await expect(page).toHaveURL(new RegExp(`/orders\\?tab=FULFILLED&from=${DAY}&to=${DAY}`));
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-count', '10');
  });

  test('an hourly point, from the mouse or the keyboard, and its table row open that Algiers hour', async ({
    page,
  }) => {
    const manager = demoUsers().find((u) => u.role === 'manager');
    if (!manager) throw new Error('no demo manager');
    await new LoginPage(page).signInAs(manager);
    // The orders were created from 12:01 to 12:12 Algiers time (11:xx UTC).
    const hourRow = page.getByTestId('rate-table').locator('tbody tr', { hasText: `${DAY} 12:00` });
    await expect(async () => {
      await page.goto(`/reports?range=custom&from=${DAY}&to=${DAY}&g=hour`);
      await expect(hourRow).toBeAttached({ timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [2_000] });
    const hour = `/orders?tab=FULFILLED&from=${DAY}T12:00&to=${DAY}T13:00`;
    const opensHour = new RegExp(hour.replace(/[?]/g, '\\?'));
    // The numbers as a table: each row's link leads where its point does.
    await page
      .getByRole('figure', { name: 'Fulfilment rate' })
      .getByText('Show the numbers as a table')
      .click();
    await expect(hourRow.getByRole('link', { name: /Open orders/ })).toHaveAttribute('href', hour);
    await expect(hourRow).toContainText('83.3% (10)');

    // Keyboard: focus the chart, move to the point with the arrow keys, press Enter.
    const rows = await page.getByTestId('rate-table').locator('tbody tr').allTextContents();
    const index = rows.findIndex((r) => r.startsWith(`${DAY} 12:00`));
    const chart = page.getByTestId('rate-chart').getByRole('application');
    await chart.focus();
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('rate-chart').locator('.recharts-tooltip-wrapper')).toContainText(
      '12:00',
    );
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(opensHour);

    // Mouse: the fulfilled-rate dot of that hour.
    await page.goBack();
    await page
      .getByTestId('rate-chart')
      .locator('.recharts-line-dots')
      .first()
      .locator('circle')
      .nth(index)
      .click();
    await expect(page).toHaveURL(opensHour);
  });

  test('a support user cannot open the reports', async ({ page }) => {
    await new LoginPage(page).signInAs(await createStaff('support'));
    await page.goto('/reports');
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0);
  });
});
