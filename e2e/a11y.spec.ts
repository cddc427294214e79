import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { seriousViolations } from './support/axe';
import { createStaff, demoUsers } from './support/db';
import { placeOrder } from './support/upstream';

test.describe('accessibility (axe, serious and critical)', () => {
  test('the sign-in page has no serious violations', async ({ page }) => {
    await page.goto('/login');
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const path of [
    '/',
    '/orders',
    '/orders?tab=REFUNDED&operator=Mobilis',
    '/unknown',
    '/refunds',
    '/reconciliation',
    '/reports',
    '/search?q=nothing-here',
    '/track',
    '/health',
    '/admin/users',
    '/admin/tokens',
    '/admin/audit',
    '/admin/alerts',
    '/alerts',
    '/settings',
    '/forbidden',
  ]) {
    test(`${path} has no serious violations`, async ({ page }) => {
      const admin = demoUsers().find((u) => u.role === 'admin');
      if (!admin) throw new Error('no demo admin');
      await new LoginPage(page).signInAs(admin);
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the first-sign-in setup page (second factor to enrol) has no serious violations', async ({
    page,
  }) => {
    const finance = await createStaff('finance', { secondFactor: false });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(finance.email, finance.password);
    await expect(page).toHaveURL(/\/setup/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('an order page with an Arabic message and offers has no serious violations', async ({
    page,
  }) => {
    const order = await placeOrder('0600000002', { planCode: 'PREPAID_MOBILIS' });
    const admin = demoUsers().find((u) => u.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await new LoginPage(page).signInAs(admin);
    await page.goto(`/orders/${order.id}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('dark mode has no serious violations either', async ({ page }) => {
    const admin = demoUsers().find((u) => u.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await new LoginPage(page).signInAs(admin);
    await page.getByLabel('Theme').selectOption('dark');
    await page.goto('/orders');
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the admin users page never ships a password hash to the browser', async ({ page }) => {
    const admin = demoUsers().find((u) => u.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await new LoginPage(page).signInAs(admin);
    const response = await page.goto('/admin/users');
    expect(await response?.text()).not.toContain('$argon2');
  });
});
