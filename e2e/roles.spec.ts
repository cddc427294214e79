import { expect, test } from '@playwright/test';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, users } from '../db/schema';
import { currentCode } from '../lib/auth/totp';
import { LoginPage } from './pages/login-page';
import { actionId, postAction } from './support/actions';
import { createStaff, demoUsers, testDb } from './support/db';

const NAV: Record<string, string[]> = {
  admin: [
    'Home',
    'Orders',
    'Unknown errors',
    'Refunds',
    'Reconciliation',
    'Reports',
    'Track a top-up',
    'Sync health',
    'Alerts',
    'Users',
    'API tokens',
    'Audit log',
    'Alert settings',
  ],
  manager: [
    'Home',
    'Orders',
    'Unknown errors',
    'Refunds',
    'Reports',
    'Sync health',
    'Alerts',
    'Audit log',
  ],
  finance: [
    'Home',
    'Orders',
    'Unknown errors',
    'Refunds',
    'Reconciliation',
    'Track a top-up',
    'Alerts',
  ],
  support: ['Home', 'Orders', 'Unknown errors', 'Track a top-up'],
};

test.describe('roles', () => {
  for (const [role, items] of Object.entries(NAV)) {
    test(`${role} sees exactly their navigation`, async ({ page }) => {
      const user = demoUsers().find((u) => u.role === role);
      if (!user) throw new Error(`no demo ${role}`);
      await new LoginPage(page).signInAs(user);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(
        items.map((label) => new RegExp(`^${label}\\d*$`)),
      );
    });
  }

  test('a support user opening an admin page gets the not-allowed page', async ({ page }) => {
    await new LoginPage(page).signInAs(await createStaff('support'));
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByText('Your role (Support) may not open this page.')).toBeVisible();
  });

  test('a support user posting an admin-only server action directly is refused and audited', async ({
    page,
  }) => {
    const support = await createStaff('support');
    const target = await createStaff('finance');
    await new LoginPage(page).signInAs(support);

    // The action id as the browser would send it, taken from the build's action manifest.
    const text = await postAction(
      page,
      '/admin/users',
      actionId('setUserDisabled', 'admin/users'),
      [{ userId: target.id, disabled: true }],
    );
    expect(text).toContain('Your role (Support) may not do this.');

    const { db } = testDb();
    const [still] = await db
      .select({ disabled: users.disabled })
      .from(users)
      .where(eq(users.id, target.id));
    expect(still?.disabled).toBe(false);
    const [audit] = await db
      .select({ outcome: auditLog.outcome, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorEmail, support.email), eq(auditLog.action, 'user.set_disabled')))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toEqual({
      outcome: 'denied',
      details: { reason: 'role', needs: 'users:manage' },
    });
  });

  test('an admin adds a user, who must choose their own password (and, for finance, a second factor) before the desk opens', async ({
    page,
    browser,
  }) => {
    const admin = demoUsers().find((u) => u.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    await new LoginPage(page).signInAs(admin);
    await page.goto('/admin/users');
    const email = `new-${Date.now()}@e2e.test`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Nadia Finance');
    await page.getByLabel('Role', { exact: true }).selectOption('finance');
    await page.getByRole('button', { name: 'Add a user' }).click();
    const password = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(password).toHaveLength(18);
    await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();

    const ctx = await browser.newContext();
    const newPage = await ctx.newPage();
    const login = new LoginPage(newPage);
    await login.goto();
    await login.signIn(email, password);
    await expect(newPage).toHaveURL(/\/setup$/);
    await expect(newPage.getByTestId('setup-password')).toBeVisible();
    // Nothing else opens until then, and actions refuse: the desk sends them back here.
    await newPage.goto('/orders');
    await expect(newPage).toHaveURL(/\/setup$/);
    await newPage.getByLabel('Current password').fill(password);
    await newPage.getByLabel('New password').fill('my own long passphrase 2026');
    await newPage.getByRole('button', { name: 'Change password' }).click();
    await expect(newPage.getByTestId('setup-second-factor')).toBeVisible();
    await newPage.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await newPage.getByTestId('totp-secret').textContent())?.trim() ?? '';
    await newPage.getByLabel('Code from the app').fill(currentCode(secret));
    await newPage.getByRole('button', { name: 'Turn on' }).click();
    await newPage.getByRole('button', { name: 'I have saved them' }).click();
    await expect(newPage.getByTestId('signed-in-role')).toHaveText('Finance');
    await ctx.close();
  });

  test('every response carries the security headers', async ({ request }) => {
    const response = await request.get('/login');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-request-id']).toBeTruthy();
  });
});
