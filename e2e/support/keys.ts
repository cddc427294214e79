import type { Page } from '@playwright/test';

// Keys pressed before a page's scripts have run do nothing, as for a person typing that fast.
// The desk says when its keys work (components/shell/keyboard-shortcuts.tsx on <html>,
// components/data-table/use-row-keys.ts on each table); tests wait for that, not for time.

/** g-shortcuts and ? work. */
export async function shortcutsReady(page: Page) {
  await page.locator('html[data-shortcuts="on"]').waitFor({ state: 'attached' });
}

/** j / k / Enter work on the page's main table. */
export async function rowKeysReady(page: Page) {
  await page.locator('[data-kit-table][data-keys="on"]').first().waitFor({ state: 'attached' });
}
