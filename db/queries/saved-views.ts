import 'server-only';
import { and, asc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import type { Role } from '../enums';
import { roleDefaultViews, savedViews, users } from '../schema';

// Saved views of the orders page and the default view pinned per role. Who may see or change
// which view is decided in lib/views/policy.ts; these functions take the caller's scope.

const columns = {
  id: savedViews.id,
  ownerId: savedViews.ownerId,
  ownerName: users.name,
  name: savedViews.name,
  query: savedViews.query,
  sharedWithRole: savedViews.sharedWithRole,
  pinnedFor: roleDefaultViews.role,
};

export type ViewRow = {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  query: string;
  sharedWithRole: Role | null;
  /** The role this view is the pinned default of, if any. */
  pinnedFor: Role | null;
};

function withOwnerAndPin(db: Db | Tx) {
  return db
    .select(columns)
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .leftJoin(roleDefaultViews, eq(roleDefaultViews.viewId, savedViews.id));
}

/** The person's own views and the views shared with their role, by name. */
export async function listVisibleViews(
  db: Db | Tx,
  params: { userId: string; role: Role },
): Promise<ViewRow[]> {
  return withOwnerAndPin(db)
    .where(or(eq(savedViews.ownerId, params.userId), eq(savedViews.sharedWithRole, params.role)))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.createdAt));
}

/** Every shared view (what an admin may pin), by role then name. */
export async function listSharedViews(db: Db | Tx): Promise<ViewRow[]> {
  return withOwnerAndPin(db)
    .where(isNotNull(savedViews.sharedWithRole))
    .orderBy(asc(savedViews.sharedWithRole), asc(sql`lower(${savedViews.name})`));
}

export async function findView(db: Db | Tx, id: string): Promise<ViewRow | null> {
  const [row] = await withOwnerAndPin(db).where(eq(savedViews.id, id));
  return row ?? null;
}

/** Whether the owner already has a view of this name (case-insensitive), other than `exceptId`. */
export async function ownerHasViewNamed(
  db: Db | Tx,
  params: { ownerId: string; name: string; exceptId?: string },
): Promise<boolean> {
  const [clash] = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.ownerId, params.ownerId),
        sql`lower(${savedViews.name}) = lower(${params.name})`,
        params.exceptId ? ne(savedViews.id, params.exceptId) : undefined,
      ),
    )
    .limit(1);
  return clash !== undefined;
}

export async function insertView(
  db: Db | Tx,
  params: { ownerId: string; name: string; query: string; sharedWithRole: Role | null },
) {
  const [row] = await db
    .insert(savedViews)
    .values(params)
    .returning({ id: savedViews.id, name: savedViews.name, query: savedViews.query });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Changes the owner's view; null when the owner has no such view. */
export async function updateOwnView(
  db: Db | Tx,
  params: {
    id: string;
    ownerId: string;
    name?: string;
    sharedWithRole?: Role | null;
    now: Date;
  },
) {
  const { id, ownerId, now, ...change } = params;
  const [row] = await db
    .update(savedViews)
    .set({ ...change, updatedAt: now })
    .where(and(eq(savedViews.id, id), eq(savedViews.ownerId, ownerId)))
    .returning({ id: savedViews.id });
  return row ?? null;
}

/** Deletes the owner's view (its pin goes with it); false when the owner has no such view. */
export async function deleteOwnView(db: Db | Tx, params: { id: string; ownerId: string }) {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, params.id), eq(savedViews.ownerId, params.ownerId)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}

/** Makes the view the role's default, replacing the previous one; returns the one replaced. */
export async function pinDefaultView(
  db: Db | Tx,
  params: { role: Role; viewId: string; pinnedBy: string; now: Date },
) {
  const [previous] = await db
    .select({ viewId: roleDefaultViews.viewId })
    .from(roleDefaultViews)
    .where(eq(roleDefaultViews.role, params.role))
    .for('update');
  await db
    .insert(roleDefaultViews)
    .values({ ...params, pinnedAt: params.now })
    .onConflictDoUpdate({
      target: roleDefaultViews.role,
      set: { viewId: params.viewId, pinnedBy: params.pinnedBy, pinnedAt: params.now },
    });
  return previous?.viewId ?? null;
}

/** Removes the role's default; returns the view that was pinned, if any. */
export async function unpinDefaultView(db: Db | Tx, role: Role) {
  const [row] = await db
    .delete(roleDefaultViews)
    .where(eq(roleDefaultViews.role, role))
    .returning({ viewId: roleDefaultViews.viewId });
  return row?.viewId ?? null;
}

/** Removes a view's pin (it is no longer shared with that role); returns the role it had. */
export async function unpinView(db: Db | Tx, viewId: string) {
  const [row] = await db
    .delete(roleDefaultViews)
    .where(eq(roleDefaultViews.viewId, viewId))
    .returning({ role: roleDefaultViews.role });
  return row?.role ?? null;
}

/** The view /orders opens with for this role, if an admin pinned one. */
export async function pinnedDefaultView(db: Db | Tx, role: Role) {
  const [row] = await db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(roleDefaultViews)
    .innerJoin(savedViews, eq(savedViews.id, roleDefaultViews.viewId))
    .where(and(eq(roleDefaultViews.role, role), eq(savedViews.sharedWithRole, role)));
  return row ?? null;
}
