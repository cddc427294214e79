import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { demoUser } from './support/db';
import { placeOrder } from './support/upstream';

/** Counts the page's requests to the server-side search from now on. */
function countSearchRequests(page: Page) {
  let n = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/search') n++;
  });
  return () => n;
}

const user = demoUser;

test.describe('the desk', () => {
  test('support finds an order from a phone typed as "+213 778 03 73 40" in one step', async ({
    page,
  }) => {
    const order = await placeOrder('0778037340');
    await new LoginPage(page).signInAs(user('support'));
    const searches = countSearchRequests(page);
    await page.keyboard.press('/');
    await expect(
      page.getByRole('banner').getByRole('searchbox', { name: 'Search orders' }),
    ).toBeFocused();
    await page.keyboard.type('+213 778 03 73 40');
    await page.keyboard.press('Enter');
    // One order opens directly; several open that number's list (other tests may use the number).
    const header = page.getByTestId('order-header');
    await expect(header.or(page.getByTestId('orders-count'))).toBeVisible();
    if (await header.isVisible()) {
      await expect(page).toHaveURL(new RegExp(`/orders/${order.id}$`));
      await expect(header).toContainText('0778037340');
    } else {
      await expect(page).toHaveURL(/\/orders\?phone=0778037340&searched=[^&]+$/);
      await expect(page.getByText(order.ref)).toBeVisible();
    }
    // The browser went straight to the number's orders, without a lookup request first.
    expect(searches()).toBe(0);
  });

  test('a phone with one order opens it, with several opens their list, with none says so', async ({
    page,
  }) => {
    const fresh = () => `07${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const [one, two, none] = [fresh(), fresh(), fresh()];
    const only = await placeOrder(one);
    const both = [await placeOrder(two), await placeOrder(two)];
    await new LoginPage(page).signInAs(user('support'));
    const searches = countSearchRequests(page);
    const search = async (typed: string) => {
      const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search orders' });
      await box.fill(typed);
      await box.press('Enter');
    };

    await search(one);
    await expect(page).toHaveURL(new RegExp(`/orders/${only.id}$`));
    await expect(page.getByTestId('order-header')).toContainText(one);

    await search(`+213 ${two.slice(1)}`);
    await expect(page).toHaveURL(new RegExp(`/orders\\?phone=${two}&`));
    for (const order of both) await expect(page.getByText(order.ref)).toBeVisible();
    await expect(page.getByTestId('orders-count')).toHaveAttribute('data-count', '2');
    expect(searches()).toBe(0);

    // A ref and a top-up id open their order's page in one request.
    const [first] = both;
    for (const [key, id] of [
      [only.ref, only.id],
      [first?.topupId, first?.id],
    ]) {
      await search(String(key));
      await expect(page.getByTestId('order-header')).toHaveAttribute('data-order-id', String(id));
      const url = new URL(page.url());
      expect([url.pathname, url.searchParams.get('q')]).toEqual(['/orders/find', key]);
    }
    expect(searches()).toBe(0);

    await search(none);
    await expect(page).toHaveURL(/\/search\/nothing\?q=/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(`Nothing matches “${none}”.`)).toBeVisible();
  });

  test('the UNKNOWN_ERROR order from 0600000003 reaches the queue with its Arabic message right-to-left', async ({
    page,
  }) => {
    const order = await placeOrder('0600000003', { planCode: 'PREPAID_MOBILIS' });
    await new LoginPage(page).signInAs(user('support'));
    // The sandbox declares it UNKNOWN_ERROR 15 s after creation; the engine picks that up.
    await expect(async () => {
      await page.goto('/unknown');
      await expect(page.getByTestId('unknown-item').filter({ hasText: order.ref })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 45_000, intervals: [2_000] });
    const item = page.getByTestId('unknown-item').filter({ hasText: order.ref });
    const message = item.getByTestId('unknown-message');
    await expect(message).toHaveAttribute('dir', 'rtl');
    await expect(message).toHaveAttribute('lang', 'ar');
    await expect(message).toContainText(/[\u0600-\u06FF]/);
    await expect(page.getByText('Do not refund yet').first()).toBeVisible();
    await expect(page.getByRole('link', { name: /Unknown errors/ })).toContainText(/\d/);
  });

  test('"Check now" asks OneClick and adds the answer to the timeline at once', async ({
    page,
  }) => {
    const order = await placeOrder('0550123456', { planCode: 'PREPAID_OOREDOO' });
    const support = user('support');
    await new LoginPage(page).signInAs(support);
    // Found by its ref, as a customer reads it out: the order's page answers the search itself.
    const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search orders' });
    await box.fill(order.ref);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/orders\/find\?q=/);
    await expect(page.getByTestId('order-header')).toHaveAttribute(
      'data-order-id',
      String(order.id),
    );
    // The background engine may add its own entries meanwhile (source "poll"): count only
    // what a person's check writes, and find the one entry this click wrote.
    const manual = page.getByTestId('timeline').locator('li[data-source="manual"]');
    await expect(manual).toHaveCount(0);
    await page.getByRole('button', { name: 'Check now' }).click();
    const result = page.getByTestId('check-now-result');
    await expect(result).toContainText('Checked just now');
    const eventId = await result.getAttribute('data-event-id');
    expect(eventId).toMatch(/^\d+$/);
    const entry = page.getByTestId('timeline').locator(`li[data-event-id="${eventId}"]`);
    await expect(entry).toHaveAttribute('data-source', 'manual');
    await expect(entry).toContainText(support.email);
    await expect(manual).toHaveCount(1);
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect(result).toContainText(/Checked \d+ s ago/);
    await expect(manual).toHaveCount(1);
  });

  test('a URL with filters shows another user exactly the same view', async ({ page, browser }) => {
    // A number of its own: the filtered view is exactly these two orders, whatever ran before.
    const phone = `066${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await placeOrder(phone, { planCode: 'PREPAID_MOBILIS', amount: 700 });
    await placeOrder(phone, { planCode: 'PREPAID_MOBILIS', amount: 300 });
    await new LoginPage(page).signInAs(user('finance'));
    await page.goto(`/orders?phone=${phone}`);
    await page.getByRole('combobox', { name: 'Operator' }).selectOption('Mobilis');
    await page.getByLabel('Min amount (DZD)').fill('500');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/operator=Mobilis/);
    const ids = (p: typeof page) =>
      p
        .getByTestId('order-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id')));
    // The URL changes before the new view has streamed in: wait for the filtered rows.
    await expect(page.getByTestId('order-row')).toHaveCount(1);
    const rowsA = await ids(page);
    const countA = await page.getByTestId('orders-count').textContent();
    expect(rowsA).toHaveLength(1);

    const other = await browser.newContext();
    const pageB = await other.newPage();
    await new LoginPage(pageB).signInAs(user('manager'));
    await pageB.goto(page.url());
    await expect(pageB.getByTestId('orders-count')).toHaveText(countA ?? '');
    expect(await ids(pageB)).toEqual(rowsA);
    await other.close();
  });

  test('the CSV export of a filtered view has exactly the rows the count shows', async ({
    page,
  }) => {
    // A number of its own: another test placing orders meanwhile cannot change the view.
    const phone = `077${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    for (let i = 0; i < 3; i++) await placeOrder(phone, { amount: 100 * (i + 1) });
    await new LoginPage(page).signInAs(user('finance'));
    await page.goto(`/orders?phone=${phone}`);
    const count = Number(await page.getByTestId('orders-count').getAttribute('data-count'));
    expect(count).toBe(3);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('topup_id');
    expect(lines.length - 1).toBe(count);
    expect(lines.slice(1).every((l) => l.includes(phone))).toBe(true);
  });

  test('support cannot export: no button, and the export URL answers 403', async ({ page }) => {
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders');
    await expect(page.getByTestId('export-csv')).toHaveCount(0);
    const response = await page.request.get('/orders/export');
    expect(response.status()).toBe(403);
  });

  test('the desk works on a 390 px wide phone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await new LoginPage(page).signInAs(user('support'));
    await page.goto('/orders');
    await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
