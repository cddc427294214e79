import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { signInThrottle } from '../db/schema';
import { emailKey } from '../lib/auth/throttle';
import { LoginPage } from './pages/login-page';
import { createStaff, demoUsers, testDb } from './support/db';

test.describe('signing in', () => {
  for (const path of ['/', '/admin/users', '/admin/audit', '/forbidden']) {
    test(`an anonymous visit to ${path} lands on the sign-in page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByRole('heading', { name: 'Sign in to Flexy Desk' })).toBeVisible();
    });
  }

  test('anonymous calls to desk APIs get 401, while the health probe stays public', async ({
    request,
  }) => {
    expect((await request.get('/api/health')).status()).toBe(200);
    const denied = await request.get('/api/anything');
    expect(denied.status()).toBe(401);
  });

  test('a wrong password shows an error and counts towards the throttle', async ({ page }) => {
    const staff = await createStaff('support');
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(staff.email, 'not-the-password');
    await expect(login.error()).toHaveText('Wrong email or password.');
    await expect(page).toHaveURL(/\/login/);
    const [row] = await testDb()
      .db.select({ failures: signInThrottle.failures })
      .from(signInThrottle)
      .where(eq(signInThrottle.emailHash, emailKey(staff.email)));
    expect(row?.failures).toBe(1);
  });

  test('an unknown email gets the same message as a wrong password', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('nobody@nowhere.test', 'whatever-password');
    await expect(login.error()).toHaveText('Wrong email or password.');
  });

  test('after five failures the account locks, even for the right password', async ({ page }) => {
    const staff = await createStaff('finance');
    const login = new LoginPage(page);
    await login.goto();
    for (let i = 0; i < 5; i++) {
      await login.signIn(staff.email, `wrong-${i}`);
      await expect(login.error()).toBeVisible();
    }
    await login.signIn(staff.email, staff.password);
    await expect(login.error()).toContainText('locked');
  });

  test('a signed-in user lands on the desk and can sign out', async ({ page }) => {
    const staff = await createStaff('manager');
    await new LoginPage(page).signInAs(staff);
    await expect(page.getByTestId('signed-in-role')).toHaveText('Manager');
    await expect(page.getByTestId('sandbox-banner')).toContainText('local OneClick emulator');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a disabled user’s open session stops working at their next request', async ({
    browser,
  }) => {
    const staff = await createStaff('support');
    const staffCtx = await browser.newContext();
    const staffPage = await staffCtx.newPage();
    await new LoginPage(staffPage).signInAs(staff);

    const adminCtx = await browser.newContext();
    const adminPage = await adminCtx.newPage();
    const admin = demoUsers().find((u) => u.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await new LoginPage(adminPage).signInAs(admin);
    await adminPage.goto('/admin/users');
    await adminPage
      .getByTestId(`user-row-${staff.email}`)
      .getByRole('button', { name: 'Disable' })
      .click();
    await adminPage
      .getByRole('alertdialog', { name: `Disable ${staff.email}?` })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect(
      adminPage.getByTestId(`user-row-${staff.email}`).getByText('Disabled'),
    ).toBeVisible();

    const started = Date.now();
    await staffPage.reload();
    await expect(staffPage).toHaveURL(/\/login/);
    expect(Date.now() - started).toBeLessThan(60_000);
    await staffCtx.close();
    await adminCtx.close();
  });
});
