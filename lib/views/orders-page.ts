import 'server-only';
import type { Db } from '../../db/client';
import type { Role } from '../../db/enums';
import { listSharedViews, listVisibleViews, pinnedDefaultView } from '../../db/queries/saved-views';
import type { OrderFilters } from '../orders/filters';
import { canonicalViewQuery } from './canonical';
import { canChange, isTabFor, mayPin, type Viewer } from './policy';
import { paramsOf, queryOf, type SearchParams, viewHref, withoutViewMarker } from './query';

// What the orders page needs from saved views: the parameters to parse (the role's pinned
// default when the URL has none), the person's tabs, and the views they may manage.

export async function resolveOrdersParams(db: Db, viewer: Viewer, raw: SearchParams) {
  // Any parameter, the `view=all` marker included, means the person chose what to see: no
  // need to look for the role's pinned view (one query less on every filtered page).
  if (Object.keys(raw).length > 0) return { params: withoutViewMarker(raw), defaultView: null };
  const pinned = await pinnedDefaultView(db, viewer.role);
  if (!pinned) return { params: withoutViewMarker(raw), defaultView: null };
  return { params: paramsOf(pinned.query), defaultView: pinned };
}

export type ViewTab = {
  id: string;
  name: string;
  href: string;
  active: boolean;
  shared: boolean;
  pinned: boolean;
};

export type ManagedView = {
  id: string;
  name: string;
  ownerName: string;
  sharedWithRole: Role | null;
  pinnedFor: Role | null;
  own: boolean;
};

export async function savedViewsFor(db: Db, viewer: Viewer, filters: OrderFilters) {
  const [visible, shared] = await Promise.all([
    listVisibleViews(db, { userId: viewer.id, role: viewer.role }),
    mayPin(viewer) ? listSharedViews(db) : Promise.resolve([]),
  ]);
  const current = queryOf(filters);
  const tabs: ViewTab[] = visible
    .filter((v) => isTabFor(v, viewer))
    .map((v) => ({
      id: v.id,
      name: v.name,
      href: viewHref(v.query),
      // Compared as the parser reads both, so a view saved in an older form still lights up.
      active: canonicalViewQuery(v.query) === current,
      shared: v.sharedWithRole !== null,
      pinned: v.pinnedFor === viewer.role,
    }));
  const seen = new Set<string>();
  const managed: ManagedView[] = [...visible, ...shared]
    .filter((v) => !seen.has(v.id) && seen.add(v.id))
    .filter((v) => canChange(v, viewer) || (mayPin(viewer) && v.sharedWithRole !== null))
    .map((v) => ({
      id: v.id,
      name: v.name,
      ownerName: v.ownerName,
      sharedWithRole: v.sharedWithRole,
      pinnedFor: v.pinnedFor,
      own: canChange(v, viewer),
    }));
  return { tabs, managed, canPin: mayPin(viewer), currentQuery: current };
}
