import { expect, type Page } from '@playwright/test';
import { oneTimeCode } from '../support/db';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    // Wait for the server's verdict, so consecutive attempts never overlap.
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials')),
      this.page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

  /**
   * Signs in (with a one-time code when the person has a second factor) and waits until the
   * desk shows the signed-in user.
   */
  async signInAs(user: { email: string; password: string }) {
    await this.goto();
    await this.signIn(user.email, user.password);
    const signedIn = this.page.getByTestId('signed-in-user');
    const code = this.page.locator('input#code');
    await expect(signedIn.or(code)).toBeVisible();
    if (await code.isVisible()) {
      await this.enterCode(await oneTimeCode(user.email));
      await expect(signedIn).toBeVisible();
    }
  }

  async enterCode(code: string) {
    await this.page.locator('input#code').fill(code);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials')),
      this.page.locator('form button[type=submit]').click(),
    ]);
  }

  error() {
    return this.page.getByTestId('login-error');
  }
}
