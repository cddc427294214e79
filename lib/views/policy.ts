import { ROLES, type Role } from '../../db/enums';
import { can } from '../auth/roles';

// Who sees and changes which saved view. One place; the page, the actions and the queries'
// callers ask here.

export type Viewer = { id: string; role: Role };
type View = { ownerId: string; sharedWithRole: Role | null };

/** Roles a view may be shared with: those that may open the orders page at all. */
export const SHAREABLE_ROLES: readonly Role[] = ROLES.filter((role) => can(role, 'orders:read'));

/** Whether the view is one of the person's tabs: their own, or shared with their role. */
export function isTabFor(view: View, viewer: Viewer): boolean {
  return view.ownerId === viewer.id || view.sharedWithRole === viewer.role;
}

/** Tabs, plus every shared view for someone who pins defaults (they choose among them). */
export function canSee(view: View, viewer: Viewer): boolean {
  return isTabFor(view, viewer) || (mayPin(viewer) && view.sharedWithRole !== null);
}

/** Only the owner renames, re-shares or deletes a view. */
export function canChange(view: View, viewer: Viewer): boolean {
  return view.ownerId === viewer.id;
}

export function mayPin(viewer: Viewer): boolean {
  return can(viewer.role, 'views:pin');
}

/** A view is pinned for the role it is shared with; a private view is nobody's default. */
export function pinRole(view: View): Role | null {
  return view.sharedWithRole;
}
