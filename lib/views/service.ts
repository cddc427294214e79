import 'server-only';
import type { Tx } from '../../db/client';
import type { Role } from '../../db/enums';
import {
  deleteOwnView,
  findView,
  insertView,
  ownerHasViewNamed,
  pinDefaultView,
  unpinDefaultView,
  unpinView,
  updateOwnView,
  type ViewRow,
} from '../../db/queries/saved-views';
import { isUniqueViolation } from '../errors/postgres';
import { UserFacingError } from '../errors/user-facing';
import { canonicalViewQuery } from './canonical';
import { canChange, canSee, mayPin, pinRole, SHAREABLE_ROLES, type Viewer } from './policy';

// What the saved-view actions do. Each runs in the transaction that also writes its audit row
// (lib/actions/action.ts); a refusal throws UserFacingError and nothing is written.

const NAME_KEY = 'saved_views_owner_name_key';

function checkSharing(role: Role | null) {
  if (role !== null && !SHAREABLE_ROLES.includes(role))
    throw new UserFacingError('views.errors.sharing', { field: 'sharing' });
}

async function checkNameFree(tx: Tx, ownerId: string, name: string, exceptId?: string) {
  if (await ownerHasViewNamed(tx, { ownerId, name, exceptId }))
    throw new UserFacingError('views.errors.nameTaken', { field: 'name', params: { name } });
}

/** Two saves of one name at once: the unique index decides, and the loser gets the same answer. */
async function naming<R>(name: string, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, NAME_KEY))
      throw new UserFacingError('views.errors.nameTaken', { field: 'name', params: { name } });
    throw error;
  }
}

/** The view, if the person may see it; a view they may not see does not exist for them. */
async function visibleView(tx: Tx, viewer: Viewer, id: string): Promise<ViewRow> {
  const view = await findView(tx, id);
  if (!view || !canSee(view, viewer)) throw new UserFacingError('views.errors.notFound');
  return view;
}

async function ownView(tx: Tx, viewer: Viewer, id: string): Promise<ViewRow> {
  const view = await visibleView(tx, viewer, id);
  if (!canChange(view, viewer)) throw new UserFacingError('views.errors.notOwner');
  return view;
}

export async function saveView(
  tx: Tx,
  viewer: Viewer,
  input: { name: string; query: string; sharedWithRole: Role | null },
) {
  checkSharing(input.sharedWithRole);
  await checkNameFree(tx, viewer.id, input.name);
  const query = canonicalViewQuery(input.query);
  const row = await naming(input.name, () =>
    insertView(tx, {
      ownerId: viewer.id,
      name: input.name,
      query,
      sharedWithRole: input.sharedWithRole,
    }),
  );
  return { ...row, sharedWithRole: input.sharedWithRole };
}

export async function renameView(tx: Tx, viewer: Viewer, input: { viewId: string; name: string }) {
  const view = await ownView(tx, viewer, input.viewId);
  await checkNameFree(tx, viewer.id, input.name, view.id);
  await naming(input.name, () =>
    updateOwnView(tx, { id: view.id, ownerId: viewer.id, name: input.name, now: new Date() }),
  );
  return { id: view.id, from: view.name, to: input.name };
}

/** Re-shares a view; a default pinned for the role it leaves is unpinned with it. */
export async function shareView(
  tx: Tx,
  viewer: Viewer,
  input: { viewId: string; sharedWithRole: Role | null },
) {
  checkSharing(input.sharedWithRole);
  const view = await ownView(tx, viewer, input.viewId);
  await updateOwnView(tx, {
    id: view.id,
    ownerId: viewer.id,
    sharedWithRole: input.sharedWithRole,
    now: new Date(),
  });
  const unpinned =
    view.pinnedFor && view.pinnedFor !== input.sharedWithRole ? await unpinView(tx, view.id) : null;
  return {
    id: view.id,
    name: view.name,
    from: view.sharedWithRole,
    to: input.sharedWithRole,
    unpinned,
  };
}

export async function deleteView(tx: Tx, viewer: Viewer, viewId: string) {
  const view = await ownView(tx, viewer, viewId);
  await deleteOwnView(tx, { id: view.id, ownerId: viewer.id });
  return {
    id: view.id,
    name: view.name,
    sharedWithRole: view.sharedWithRole,
    unpinned: view.pinnedFor,
  };
}

export async function pinView(tx: Tx, viewer: Viewer, viewId: string) {
  if (!mayPin(viewer)) throw new UserFacingError('views.errors.notAllowed');
  const view = await visibleView(tx, viewer, viewId);
  const role = pinRole(view);
  if (!role) throw new UserFacingError('views.errors.pinPrivate');
  const replaced = await pinDefaultView(tx, {
    role,
    viewId: view.id,
    pinnedBy: viewer.id,
    now: new Date(),
  });
  return { id: view.id, name: view.name, role, replaced };
}

export async function unpinRole(tx: Tx, viewer: Viewer, role: Role) {
  if (!mayPin(viewer)) throw new UserFacingError('views.errors.notAllowed');
  const viewId = await unpinDefaultView(tx, role);
  if (!viewId) throw new UserFacingError('views.errors.noDefault');
  return { role, viewId };
}
