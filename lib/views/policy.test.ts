import { describe, expect, it } from 'vitest';
import { ROLES } from '../../db/enums';
import { canonicalViewQuery } from './canonical';
import { canChange, canSee, isTabFor, mayPin, SHAREABLE_ROLES } from './policy';
import { viewHref } from './query';

const owner = { id: 'u-1', role: 'manager' as const };
const support = { id: 'u-2', role: 'support' as const };
const finance = { id: 'u-3', role: 'finance' as const };
const admin = { id: 'u-4', role: 'admin' as const };

describe('who sees and changes a saved view', () => {
  it('only admins pin default views', () => {
    expect(ROLES.filter((role) => mayPin({ id: 'x', role }))).toEqual(['admin']);
  });

  it('a view may be shared with every role that opens the orders page', () => {
    expect([...SHAREABLE_ROLES].sort()).toEqual(['admin', 'finance', 'manager', 'support']);
  });

  it('a private view is its owner’s alone', () => {
    const view = { ownerId: owner.id, sharedWithRole: null };
    expect([owner, support, finance, admin].map((p) => canSee(view, p))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('a view shared with support is a tab for support, listed for admins, changed by its owner', () => {
    const view = { ownerId: owner.id, sharedWithRole: 'support' as const };
    expect(isTabFor(view, support)).toBe(true);
    expect(isTabFor(view, finance)).toBe(false);
    expect(isTabFor(view, admin)).toBe(false);
    expect(canSee(view, admin)).toBe(true);
    expect(canChange(view, support)).toBe(false);
    expect(canChange(view, owner)).toBe(true);
  });
});

describe('the query a view keeps', () => {
  it('is the parser’s own form, without the paging cursor', () => {
    expect(canonicalViewQuery('?size=25&before=abcdef&operator=Djezzy&tab=all')).toBe(
      'operator=Djezzy&size=25',
    );
    expect(canonicalViewQuery('?phone=garbage')).toBe('');
  });

  it('an unfiltered view opens the full list even where a default is pinned', () => {
    expect(viewHref('')).toBe('/orders?view=all');
    expect(viewHref('tab=REFUNDED')).toBe('/orders?tab=REFUNDED');
  });
});
