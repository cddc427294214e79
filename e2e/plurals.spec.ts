import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, type Response, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { Locale } from '../lib/i18n/locales';
import { ar } from '../lib/i18n/messages/ar';
import { en } from '../lib/i18n/messages/en';
import { fr } from '../lib/i18n/messages/fr';
import { LoginPage } from './pages/login-page';
import { createStaff, testDb } from './support/db';
import { placeOrder } from './support/upstream';

// Counts read as people say them in each language, and each page ships one language's
// messages only. `npm run screenshots` keeps the Arabic counts in e2e/screenshots/.

const COUNTS = [0, 1, 2, 3, 11, 100] as const;
const SAID: Record<Locale, string[]> = {
  en: ['No orders', '1 order', '2 orders', '3 orders', '11 orders', '100 orders'],
  fr: [
    'Aucune commande',
    '1 commande',
    '2 commandes',
    '3 commandes',
    '11 commandes',
    '100 commandes',
  ],
  ar: ['لا طلبات', 'طلب واحد', 'طلبان', '3 طلبات', '11 طلبًا', '100 طلب'],
  'ar-arab': ['لا طلبات', 'طلب واحد', 'طلبان', '٣ طلبات', '١١ طلبًا', '١٠٠ طلب'],
};

/** A phone number of its own for each count, holding exactly that many orders. */
const phones = new Map<number, string>();
test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const count of COUNTS) {
    const phone = `07${String(randomInt(10_000_000, 99_999_999))}`;
    phones.set(count, phone);
    for (let i = 0; i < count; i++) await placeOrder(phone, { amount: 100 + i });
  }
});

async function signInSpeaking(page: Page, locale: Locale) {
  const staff = await createStaff('support');
  await testDb().db.update(users).set({ locale }).where(eq(users.id, staff.id));
  await new LoginPage(page).signInAs(staff);
}

for (const locale of Object.keys(SAID) as Locale[]) {
  test(`orders counts of 0, 1, 2, 3, 11 and 100 read correctly in ${locale}`, async ({
    page,
  }, testInfo) => {
    await signInSpeaking(page, locale);
    const dir = process.env.SCREENSHOT_DIR ?? testInfo.outputPath();
    for (const [i, count] of COUNTS.entries()) {
      await page.goto(`/orders?phone=${phones.get(count)}`);
      const said = page.getByTestId('orders-count');
      await expect(said).toHaveAttribute('data-count', String(count));
      await expect(said).toHaveText(SAID[locale][i] as string);
      if (locale === 'ar') {
        mkdirSync(dir, { recursive: true });
        await page.setViewportSize({ width: 1100, height: 420 });
        await page.screenshot({ path: path.join(dir, `orders-count-ar-${count}.png`) });
      }
    }
  });
}

type Tree = { [key: string]: string | Tree };
function leaves(node: string | Tree): string[] {
  return typeof node === 'string' ? [node] : Object.values(node).flatMap(leaves);
}
/** A stretch of a message's own words, long enough to be unmistakable, with nothing escaped. */
function probes(messages: Tree): Set<string> {
  const out = new Set<string>();
  for (const text of leaves(messages)) {
    const words = text
      .replace(/\{[^{}]*\}/g, '|')
      .split(/[|{}'"’«»()\\:;,.!?؟،؛]/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 18);
    const longest = words.sort((a, b) => b.length - a.length)[0];
    if (longest) out.add(longest);
  }
  return out;
}

test('each page downloads one language’s messages, of its own scope only', async ({ page }) => {
  // Responses are read as they come; each belongs to the page being opened when it arrived.
  let opening = '';
  const bodies: { target: string; type: string; text: string }[] = [];
  const seen: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/javascript|html|x-component|text\/plain/.test(type)) return;
    const target = opening;
    seen.push(
      response
        .text()
        .then((text) => void bodies.push({ target, type, text }))
        .catch(() => {}),
    );
  });
  const staff = await createStaff('manager');
  await testDb().db.update(users).set({ locale: 'fr' }).where(eq(users.id, staff.id));
  await new LoginPage(page).signInAs(staff);

  const french = probes(fr as unknown as Tree);
  const others = [...probes(en as unknown as Tree), ...probes(ar as unknown as Tree)].filter(
    (p) => !french.has(p),
  );
  for (const target of ['/orders', '/reports', '/unknown', '/refunds', '/settings']) {
    opening = target;
    await page.goto(target);
    await page.waitForLoadState('networkidle');
    await Promise.all(seen);
    const mine = bodies.filter((b) => b.target === target);
    const everything = mine.map((b) => b.text).join('\n');
    // Not a word of the English or Arabic catalogues anywhere the browser downloaded.
    expect(
      others.filter((p) => everything.includes(p)),
      `other languages on ${target}`,
    ).toEqual([]);
    // No catalogue in the JavaScript itself: messages travel with the page, one scope at a time.
    const scripts = mine.filter((b) => b.type.includes('javascript')).map((b) => b.text);
    expect(
      [...french].filter((p) => scripts.some((s) => s.includes(p))),
      `messages inside the JavaScript of ${target}`,
    ).toEqual([]);
    // French messages of other pages (sign-in, reconciliation) are not shipped either.
    expect(everything.includes(fr.auth.locked), `sign-in messages on ${target}`).toBe(false);
    expect(everything.includes(fr.reconcile.cut), `reconciliation messages on ${target}`).toBe(
      false,
    );
    if (target === '/orders') {
      // The check can see shipped messages: the orders table's column menu label, in French.
      expect(everything.includes(fr.table.columnsMenu), 'the orders column menu label').toBe(true);
    }
  }
});
