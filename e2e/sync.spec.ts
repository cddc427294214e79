import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { demoUsers } from './support/db';
import { sendTopup } from './support/upstream';

const user = (role: string) => {
  const found = demoUsers().find((u) => u.role === role);
  if (!found) throw new Error(`no demo ${role}`);
  return found;
};

test.describe('keeping statuses true', () => {
  test('support tracks a top-up by its ref, and the background engine settles it', async ({
    page,
  }) => {
    const { ref } = await sendTopup('0778037340');
    await new LoginPage(page).signInAs(user('support'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Track a top-up' })
      .click();
    await page.getByLabel('Top-up id or reference').fill(ref);
    await page.getByRole('button', { name: 'Track' }).click();
    await expect(page).toHaveURL(/\/orders\/\d+$/);
    const summary = page.getByTestId('order-header');
    await expect(page.getByText(ref).first()).toBeVisible();
    await expect(summary).toContainText(/Pending|Handling/);
    // The sandbox fulfils a normal number after 15 s; the worker inside `npm start` follows it.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('order-header')).toContainText('Fulfilled', {
        timeout: 1_000,
      });
    }).toPass({ timeout: 40_000, intervals: [2_000] });
  });

  test('tracking an unknown ref says OneClick does not know it and stores nothing', async ({
    page,
  }) => {
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/track');
    await page.getByLabel('Top-up id or reference').fill('no-such-order-123');
    await page.getByRole('button', { name: 'Track' }).click();
    await expect(
      page.getByText('OneClick has no top-up with id or reference “no-such-order-123”.'),
    ).toBeVisible();
    await expect(page.getByTestId('order-header')).toHaveCount(0);
  });

  test('a manager sees the sync health panel with live figures', async ({ page }) => {
    await new LoginPage(page).signInAs(user('manager'));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync health' })
      .click();
    await expect(page.getByRole('heading', { name: 'Sync health' })).toBeVisible();
    await expect(page.getByText('Orders in flight')).toBeVisible();
    await expect(page.getByTestId('backfill-progress')).toContainText(/done|page/);
  });
});
