import { z } from 'zod';
import { ROLES } from '../../db/enums';
import { VIEW_NAME_MAX } from './limits';

// Inputs of the saved-view actions. Messages are catalogue keys, translated by defineAction.

export const SHARING = ['private', ...ROLES] as const;
export type Sharing = (typeof SHARING)[number];

export const viewName = z
  .string({ error: 'views.errors.nameRequired' })
  .trim()
  .min(1, { error: 'views.errors.nameRequired' })
  .max(VIEW_NAME_MAX, { error: 'views.errors.nameTooLong' });

const sharing = z.enum(SHARING, { error: 'views.errors.sharing' });
const viewId = z.uuid({ error: 'views.errors.notFound' });

export const saveViewInput = z.object({
  name: viewName,
  sharing,
  /** The page's current query string; re-parsed and stored in the parser's own form. */
  query: z.string().max(2000, { error: 'views.errors.queryTooLong' }).default(''),
});

export const renameViewInput = z.object({ viewId, name: viewName });
export const shareViewInput = z.object({ viewId, sharing });
export const deleteViewInput = z.object({ viewId });
export const pinViewInput = z.object({ viewId });
export const unpinViewInput = z.object({ role: z.enum(ROLES, { error: 'views.errors.sharing' }) });

export function roleOf(sharing: Sharing) {
  return sharing === 'private' ? null : sharing;
}
