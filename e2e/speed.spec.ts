import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { DESK_ROUTES, jsBudgetKb } from './support/budgets';
import { createStaff } from './support/db';
import { placeOrder } from './support/upstream';

// Bytes, not time: each desk page, opened cold (empty cache) by an admin who may see them all,
// downloads no more compressed JavaScript than its budget (e2e/support/budgets.ts).

test('every desk page stays within its JavaScript budget, opened cold', async ({ browser }) => {
  test.setTimeout(120_000);
  const order = await placeOrder('0778037341', { amount: 1500 });
  const login = await browser.newContext();
  await new LoginPage(await login.newPage()).signInAs(await createStaff('admin'));
  const signedIn = await login.storageState();
  await login.close();

  const measured: { route: string; kb: number; budget: number }[] = [];
  for (const route of DESK_ROUTES) {
    const context = await browser.newContext({ storageState: signedIn });
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script')
        sizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    const url = route === 'ORDER' ? `/orders/${order.id}` : route;
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname, `${route} opened`).toBe(url.split('?')[0]);
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    measured.push({ route, kb: Math.round(bytes / 102.4) / 10, budget: jsBudgetKb(route) });
    await context.close();
  }
  // Every page loaded some script (a zero would mean the measure is broken, not a win).
  expect(measured.filter((m) => m.kb < 50)).toEqual([]);
  expect(measured.filter((m) => m.kb > m.budget)).toEqual([]);
});

test('a desk page and a route say where their time went (Server-Timing)', async ({ page }) => {
  await placeOrder('0778037342', { amount: 1200 });
  // A manager: the orders page and its CSV download (support may not export).
  await new LoginPage(page).signInAs(await createStaff('manager'));
  const response = await page.goto('/orders');
  const timing = response?.headers()['server-timing'] ?? '';
  // The session check, the orders' queries by table, and the whole.
  expect(timing).toMatch(/(^|, )session;dur=[\d.]+, /);
  expect(timing).toMatch(/db-topups;dur=\d+(\.\d+)?/);
  expect(timing).toMatch(/db;dur=[\d.]+;desc="\d+ queries"/);
  expect(timing).toMatch(/total;dur=\d+(\.\d+)?$/);
  const csv = await page.request.get('/orders/export');
  expect(csv.ok()).toBe(true);
  // A download streams its rows after the headers: its header names what came before (the
  // session, checked once, and the audit row) and the time to the first byte.
  const route = csv.headers()['server-timing'] ?? '';
  expect(route).toMatch(/(^|, )session;dur=[\d.]+, /);
  expect(route).toMatch(/db-audit_log;dur=.*total;dur=/);
});
