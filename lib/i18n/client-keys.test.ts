import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueLeaks, render, scanAll, scanScope, scopes } from '../../scripts/i18n-keys';
import { pickMessages } from './client-messages';
import { catalogues } from './index';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('messages shipped to the browser', () => {
  it('lib/i18n/client-keys.ts is what the client code uses today (npm run i18n:keys)', () => {
    expect(readFileSync(path.join(ROOT, 'lib/i18n/client-keys.ts'), 'utf8')).toBe(
      render(scanAll()),
    );
  });

  it('every page has a layout giving its client components their scope, and only theirs', () => {
    for (const scope of Object.keys(scopes())) {
      if (scope === 'root' || scope === 'desk') continue;
      const layout = path.join(ROOT, 'app', scope, 'layout.tsx');
      expect(existsSync(layout), `app/${scope}/layout.tsx`).toBe(true);
      expect(readFileSync(layout, 'utf8')).toContain(`<ClientMessages scope="${scope}">`);
    }
  });

  it('no browser code imports the catalogues themselves (all three languages would ship)', () => {
    expect(catalogueLeaks()).toEqual([]);
  });

  it('finds literal keys, key groups and template prefixes, and skips server actions', () => {
    const keys = scanScope([path.join(ROOT, 'app/(desk)/orders/page.tsx')]);
    expect(keys).toContain('status.'); // t(`status.${s}`) in the status badge
    expect(keys).toContain('order.topupId'); // a column header in the orders table
    expect(keys.some((k) => k.startsWith('auth.'))).toBe(false);
  });

  it('picks the listed keys and groups of one catalogue, nothing else', () => {
    const picked = pickMessages(catalogues.fr as never, ['status.', 'orders.title']);
    expect(Object.keys(picked).sort()).toEqual(['orders', 'status']);
    expect(picked.orders).toEqual({ title: catalogues.fr.orders.title });
    expect(picked.status).toEqual(catalogues.fr.status);
  });
});
