import { expect, type Page } from '@playwright/test';

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

  /** Signs in and waits until the desk shows the signed-in user. */
  async signInAs(user: { email: string; password: string }) {
    await this.goto();
    await this.signIn(user.email, user.password);
    await expect(this.page.getByTestId('signed-in-user')).toBeVisible();
  }

  error() {
    return this.page.getByTestId('login-error');
  }
}
