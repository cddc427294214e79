import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import type { Role } from '../db/enums';
import { users } from '../db/schema';
import { LoginPage } from './pages/login-page';
import { seriousViolations } from './support/axe';
import { createStaff, testDb } from './support/db';
import { placeOrder } from './support/upstream';

// The desk in Arabic and French: right-to-left done right, numbers kept in order, nothing left
// in English. `npm run screenshots` writes the reference screenshots to e2e/screenshots/.

const PAGES: Record<Role, string[]> = {
  support: ['/orders', 'ORDER', '/unknown'],
  finance: ['/orders', 'ORDER', '/unknown', '/refunds'],
  manager: ['/orders', 'ORDER', '/unknown', '/refunds', '/reports'],
  admin: ['/orders', 'ORDER', '/unknown', '/refunds', '/reports'],
};
// English words that are not French either: seeing one means a string escaped the catalogue.
const ENGLISH =
  /\b(the|and|with|from|your|you|this|that|orders?|refunds?|status|sign|settled|waiting|customer|check|pending|handling|fulfilled|refunded|unknown|search|export|amount|phone|created|reports?)\b/i;

let orderId = 0;
test.beforeAll(async () => {
  orderId = (await placeOrder('0778037340', { amount: 1500 })).id;
});

async function visibleText(page: Page) {
  // Ids, refs, plan codes, emails and the upstream's own words are data, not interface text.
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll(
      '.ltr-isolate, .font-mono, script, style, [data-testid="timeline"] pre, pre, code',
    ))
      el.remove();
    return clone.innerText;
  });
}

for (const language of ['ar', 'fr'] as const) {
  test.describe(`the desk in ${language === 'ar' ? 'Arabic' : 'French'}`, () => {
    for (const role of Object.keys(PAGES) as Role[]) {
      test(`${role}: every page is in ${language}, with numbers in order and no serious axe violation`, async ({
        page,
      }) => {
        const staff = await createStaff(role);
        await testDb().db.update(users).set({ locale: language }).where(eq(users.id, staff.id));
        await new LoginPage(page).signInAs(staff);
        for (const target of PAGES[role]) {
          await page.goto(target === 'ORDER' ? `/orders/${orderId}` : target);
          const html = page.locator('html');
          await expect(html).toHaveAttribute('lang', language);
          await expect(html).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
          const english = (await visibleText(page))
            .split('\n')
            .filter((line) => ENGLISH.test(line));
          expect(english, `English on ${target}`).toEqual([]);
          expect(await seriousViolations(page), `axe on ${target}`).toEqual([]);
          if (target === 'ORDER') {
            // The phone and the amount keep their digits in order inside right-to-left text.
            const phone = page
              .getByTestId('order-header')
              .locator('.ltr-isolate', { hasText: '0778037340' })
              .first();
            await expect(phone).toHaveText('0778037340');
            expect(
              await phone.evaluate((el) => [
                getComputedStyle(el).direction,
                getComputedStyle(el).unicodeBidi,
              ]),
            ).toEqual(['ltr', 'isolate']);
            const amount = page
              .getByTestId('order-header')
              .locator('.ltr-isolate', { hasText: /1[\s,.\u202f\u00a0]?500/ })
              .first();
            await expect(amount).toHaveText(/^1[\s,.\u202f\u00a0]?500([.,]00)?[\s\u00a0](دج|DA)$/);
            expect(await amount.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
          }
        }
      });
    }

    test(`screenshots of the orders page and an order page in ${language}`, async ({
      page,
    }, testInfo) => {
      const dir = process.env.SCREENSHOT_DIR ?? testInfo.outputPath();
      mkdirSync(dir, { recursive: true });
      const staff = await createStaff('finance');
      await testDb().db.update(users).set({ locale: language }).where(eq(users.id, staff.id));
      await page.setViewportSize({ width: 1100, height: 720 });
      await new LoginPage(page).signInAs(staff);
      await page.goto('/orders');
      await page.screenshot({ path: path.join(dir, `orders-${language}.png`) });
      await page.goto(`/orders/${orderId}`);
      await page.screenshot({ path: path.join(dir, `order-${language}.png`) });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    });
  });
}
