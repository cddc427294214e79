import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from './columns';
import { userRole, users } from './users';

// Saved views of the orders page. A view is the page's canonical query string (filters,
// hidden columns, sort, page size; never the paging cursor), re-parsed by lib/orders/filters.ts
// each time it opens, so a view saved before the parser changed still opens.

export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** Without the leading `?`; empty for the unfiltered view. */
    query: text('query').notNull(),
    /** Null: private to its owner. Otherwise every member of this role sees it as a tab. */
    sharedWithRole: userRole('shared_with_role'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_views_owner_name_key').on(t.ownerId, sql`lower(${t.name})`),
    index('saved_views_shared_idx').on(t.sharedWithRole),
  ],
);

/** The view /orders opens with, per role, when the URL has no parameters (pinned by an admin). */
export const roleDefaultViews = pgTable('role_default_views', {
  role: userRole('role').primaryKey(),
  viewId: uuid('view_id')
    .notNull()
    .references(() => savedViews.id, { onDelete: 'cascade' }),
  pinnedBy: uuid('pinned_by').references(() => users.id),
  pinnedAt: tz('pinned_at').notNull().defaultNow(),
});

export type SavedView = typeof savedViews.$inferSelect;
