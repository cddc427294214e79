import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { signInThrottle } from '../db/schema';
import { emailKey } from '../lib/auth/throttle';
import { currentCode } from '../lib/auth/totp';
import { LoginPage } from './pages/login-page';
import { createStaff, testDb } from './support/db';

test.describe('account security', () => {
  test('a finance user enrols two-factor sign-in, then signs in with password and code; wrong codes are throttled; a recovery code works once', async ({
    page,
  }) => {
    const staff = await createStaff('finance', { secondFactor: false });
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(staff.email, staff.password);
    // Finance moves money: the desk does not open before a second factor is set up.
    await expect(page).toHaveURL(/\/setup$/);
    await page.goto('/orders');
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await page.getByLabel('Code from the app').fill(currentCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect(page.getByTestId('signed-in-role')).toHaveText('Finance');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await login.signIn(staff.email, staff.password);
    await expect(page.getByText('Enter the code from your authenticator app')).toBeVisible();
    await login.enterCode('000000');
    await expect(login.error()).toHaveText('That code is not right.');
    const [throttle] = await testDb()
      .db.select({ failures: signInThrottle.failures })
      .from(signInThrottle)
      .where(eq(signInThrottle.emailHash, emailKey(staff.email)));
    expect(throttle?.failures).toBe(1); // counted like a wrong password
    // The code of the next 30-second step (the one just used at enrolment works once only).
    await login.enterCode(currentCode(secret, Date.now() + 30_000));
    await expect(page.getByTestId('signed-in-role')).toHaveText('Finance');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    for (let i = 0; i < 5; i++) {
      await login.goto();
      await login.signIn(staff.email, staff.password);
      await login.enterCode('111111');
      await expect(login.error()).toHaveText('That code is not right.');
    }
    await login.goto();
    await login.signIn(staff.email, staff.password);
    await expect(login.error()).toContainText('locked');

    // An admin unlocks the account; the recovery code gets the person in, once.
    await testDb()
      .db.delete(signInThrottle)
      .where(eq(signInThrottle.emailHash, emailKey(staff.email)));
    const [recovery] = codes;
    await login.goto();
    await login.signIn(staff.email, staff.password);
    await login.enterCode(recovery ?? '');
    await expect(page.getByTestId('signed-in-role')).toHaveText('Finance');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await login.signIn(staff.email, staff.password);
    await login.enterCode(recovery ?? '');
    await expect(login.error()).toHaveText('That code is not right.');
  });

  test('a copied session cookie stops working once its owner signs out', async ({
    page,
    browser,
  }) => {
    const staff = await createStaff('support');
    await new LoginPage(page).signInAs(staff);
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    const thief = await browser.newContext();
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto('/orders');
    await expect(stolen).toHaveURL(/\/login/);
    await thief.close();
  });

  test('"sign out my other sessions" ends the others and keeps this one', async ({
    page,
    browser,
  }) => {
    const staff = await createStaff('manager');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await new LoginPage(otherPage).signInAs(staff);
    await new LoginPage(page).signInAs(staff);
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Sign out my other sessions' }).click();
    await expect(page.getByText('Signed out of 1 other session.')).toBeVisible();
    await otherPage.goto('/orders');
    await expect(otherPage).toHaveURL(/\/login/);
    await page.goto('/orders');
    await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible();
    await other.close();
  });

  test('signing in from a link with a disguised address stays on the desk', async ({ page }) => {
    const staff = await createStaff('support');
    await page.goto('/login?callbackUrl=/%09/evil.example');
    await new LoginPage(page).signIn(staff.email, staff.password);
    await expect(page.getByTestId('signed-in-user')).toBeVisible();
    expect(new URL(page.url()).hostname).toBe('localhost');
    expect(page.url()).not.toContain('evil.example');
  });
});
