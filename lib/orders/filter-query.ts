import { TOPUP_STATUSES } from '../../db/enums';
import { toQuery } from '../url-state/query';
import type { OrderFilters } from './filters';

// What the orders view's URL may hold and how a view is written back into it. The parser
// (filters.ts) reads the same keys with zod on the server; this half is what client components
// (tabs, table, filters) need to build links, so it stays free of zod.

export const ORDER_TABS = ['all', ...TOPUP_STATUSES, 'refund_due'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];
export const SORT_KEYS = ['created', 'amount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export const HIDEABLE_COLUMNS = ['ref', 'operator', 'plan', 'source', 'changed'] as const;

/** Every parameter of the view, in the order its URL writes them. */
export const FILTER_KEYS = [
  'tab',
  'from',
  'to',
  'operator',
  'plan',
  'min',
  'max',
  'source',
  'phone',
  'sort',
  'dir',
  'after',
  'before',
  'size',
  'hide',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const DEFAULT_FILTERS: OrderFilters = {
  tab: 'all',
  sort: 'created',
  dir: 'desc',
  size: 50,
  hide: [],
};

/** The URL of a view: only non-default values, in a stable order. */
export function orderFiltersToQuery(filters: Partial<OrderFilters>): string {
  return toQuery(FILTER_KEYS, filters, DEFAULT_FILTERS);
}

/** A filter set without its position, for "back to the first page" and the CSV export. */
export function withoutCursor(filters: OrderFilters): OrderFilters {
  const { after: _a, before: _b, ...rest } = filters;
  return rest;
}
