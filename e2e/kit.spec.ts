import { expect, type Page, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { seriousViolations } from './support/axe';
import { demoUsers } from './support/db';

// The component kit as a keyboard and screen-reader user meets it on the API tokens page:
// the form field's error, the shown-once secret box, the confirm dialog, the toast.

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function asAdmin(page: Page) {
  const admin = demoUsers().find((u) => u.role === 'admin');
  if (!admin) throw new Error('no demo admin');
  await new LoginPage(page).signInAs(admin);
  await page.goto('/admin/tokens');
}

async function createToken(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create a token' }).click();
  return page.getByTestId('new-api-token');
}

test.describe('component kit', () => {
  test('a refused field reads its error through aria-describedby and is marked invalid', async ({
    page,
  }) => {
    await asAdmin(page);
    const name = page.getByRole('textbox', { name: 'Name' });
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Create a token' }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await name.getAttribute('aria-describedby')) ?? '';
    expect(errorId).toMatch(/-error$/);
    const error = page.locator(`[id="${errorId}"]`);
    await expect(error).not.toBeEmpty();
    await expect(name).toHaveAccessibleDescription((await error.textContent()) ?? 'missing');
  });

  test('the shown-once token copies to the clipboard and says so to a screen reader', async ({
    page,
  }) => {
    await asAdmin(page);
    const value = await createToken(page, `kit-secret-${Date.now()}`);
    const token = ((await value.textContent()) ?? '').trim();
    expect(token.length).toBeGreaterThan(20);
    await expect(value).toHaveAttribute('dir', 'ltr');
    await expect(page.getByText('It will not be shown again')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const status = page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' });
    await expect(status).toHaveCount(0);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(status).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Copied', exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  });

  test('revoking by keyboard: Escape cancels and changes nothing, Enter on Revoke revokes', async ({
    page,
  }) => {
    await asAdmin(page);
    const name = `kit-revoke-${Date.now()}`;
    await createToken(page, name);
    const row = page.getByTestId(`token-row-${name}`);
    await expect(row).toContainText('Active');

    const trigger = row.getByRole('button', { name: `Revoke ${name}` });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: `Revoke ${name}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleDescription(/refused at once/);
    // The safe choice has the focus: a stray Enter would cancel, not revoke.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    await page.reload();
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: `Revoke ${name}` }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    // Focus stays inside the dialog: Tab from Cancel reaches Revoke, and wraps around.
    await page.keyboard.press('Tab');
    const confirm = dialog.getByRole('button', { name: 'Revoke', exact: true });
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast')).toContainText(`Token “${name}” revoked.`);
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: `Revoke ${name}` })).toHaveCount(0);
  });
});
