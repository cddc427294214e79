import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { desc, eq } from 'drizzle-orm';
import { auditLog, upstreamQuarantine } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { createStaff, demoUser, testDb } from './support/db';
import { sendTopup } from './support/upstream';

const user = demoUser;

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

  test('an item OneClick sent garbled shows on Sync health; only an admin retries or dismisses it, audited', async ({
    page,
  }) => {
    // What the list sync sets aside when an item does not fit the contract. The id is one the
    // emulator does not know, so the background engine never reads (and resolves) it meanwhile.
    const topupId = `ffff${randomBytes(10).toString('hex')}`;
    await testDb()
      .db.insert(upstreamQuarantine)
      .values({
        fingerprint: `id:${topupId}`,
        topupId,
        raw: { _id: topupId, status: 'PROCESSING', MSSIDN: '0778037340' },
        error: 'items[7].status: unknown top-up status "PROCESSING"',
        source: 'backfill',
      });
    await new LoginPage(page).signInAs(await createStaff('manager'));
    await page.goto('/health');
    const row = page.getByTestId('quarantine-table').locator('tr', { hasText: topupId });
    await expect(row).toContainText('PROCESSING');
    await expect(row.getByRole('button', { name: 'Retry' })).toHaveCount(0); // managers read
    await page.context().clearCookies();

    await new LoginPage(page).signInAs(user('admin'));
    await page.goto('/health');
    const adminRow = page.getByTestId('quarantine-table').locator('tr', { hasText: topupId });
    await adminRow.getByRole('button', { name: 'Retry' }).click();
    // OneClick does not know this id either: the item stays set aside, with the new reason.
    await expect(adminRow.getByRole('status')).toContainText('Still unreadable: not_found');
    await adminRow.getByRole('button', { name: 'Dismiss' }).click();
    await adminRow.getByLabel('Why dismiss').fill('test order from the shop’s staging system');
    await adminRow.getByRole('button', { name: 'Dismiss' }).last().click();
    await expect(
      page.getByTestId('quarantine-table').locator('tr', { hasText: topupId }),
    ).toHaveCount(0);
    const [item] = await testDb()
      .db.select({ state: upstreamQuarantine.state, resolution: upstreamQuarantine.resolution })
      .from(upstreamQuarantine)
      .where(eq(upstreamQuarantine.topupId, topupId));
    expect(item).toEqual({
      state: 'dismissed',
      resolution: 'test order from the shop’s staging system',
    });
    const dismissals = await testDb()
      .db.select({ outcome: auditLog.outcome, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'quarantine.dismiss'))
      .orderBy(desc(auditLog.id))
      .limit(5);
    expect(dismissals).toContainEqual({
      outcome: 'ok',
      details: { note: 'test order from the shop’s staging system' },
    });
  });
});
