'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/action';
import {
  deleteViewInput,
  pinViewInput,
  renameViewInput,
  roleOf,
  saveViewInput,
  shareViewInput,
  unpinViewInput,
} from '@/lib/views/schemas';
import * as views from '@/lib/views/service';

// Saved views of the orders page. Saving, sharing, pinning and deleting change what other
// people see, so each writes its audit row in the same transaction.

const PAGE = '/orders';
const target = (id: string) => ({ type: 'saved_view', id });

export const saveView = defineAction(
  { name: 'view.save', capability: 'orders:read', input: saveViewInput },
  async ({ name, sharing, query }, ctx) => {
    const row = await ctx.audited(async (tx) => {
      const saved = await views.saveView(tx, ctx.user, {
        name,
        query,
        sharedWithRole: roleOf(sharing),
      });
      return {
        result: saved,
        target: target(saved.id),
        details: { name: saved.name, query: saved.query, sharedWithRole: saved.sharedWithRole },
      };
    });
    revalidatePath(PAGE);
    return { id: row.id, name: row.name, query: row.query };
  },
);

export const renameView = defineAction(
  { name: 'view.rename', capability: 'orders:read', input: renameViewInput },
  async ({ viewId, name }, ctx) => {
    await ctx.audited(async (tx) => {
      const renamed = await views.renameView(tx, ctx.user, { viewId, name });
      return { result: renamed, target: target(renamed.id), details: renamed };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const shareView = defineAction(
  { name: 'view.share', capability: 'orders:read', input: shareViewInput },
  async ({ viewId, sharing }, ctx) => {
    await ctx.audited(async (tx) => {
      const shared = await views.shareView(tx, ctx.user, {
        viewId,
        sharedWithRole: roleOf(sharing),
      });
      return { result: shared, target: target(shared.id), details: shared };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const deleteView = defineAction(
  { name: 'view.delete', capability: 'orders:read', input: deleteViewInput },
  async ({ viewId }, ctx) => {
    await ctx.audited(async (tx) => {
      const deleted = await views.deleteView(tx, ctx.user, viewId);
      return { result: deleted, target: target(deleted.id), details: deleted };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const pinView = defineAction(
  { name: 'view.pin', capability: 'views:pin', input: pinViewInput },
  async ({ viewId }, ctx) => {
    await ctx.audited(async (tx) => {
      const pinned = await views.pinView(tx, ctx.user, viewId);
      return { result: pinned, target: target(pinned.id), details: pinned };
    });
    revalidatePath(PAGE);
    return null;
  },
);

export const unpinView = defineAction(
  { name: 'view.unpin', capability: 'views:pin', input: unpinViewInput },
  async ({ role }, ctx) => {
    await ctx.audited(async (tx) => {
      const unpinned = await views.unpinRole(tx, ctx.user, role);
      return { result: unpinned, target: target(unpinned.viewId), details: unpinned };
    });
    revalidatePath(PAGE);
    return null;
  },
);
