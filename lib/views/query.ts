import { orderFiltersToQuery, withoutCursor } from '../orders/filter-query';
import type { OrderFilters } from '../orders/filters';

// A saved view is the orders page's query string. It is always read back through the page's
// own parser (lib/orders/filters.ts), never interpreted here, so it follows the parser's rules.

/** The URL parameter that asks for the unfiltered list even when the role has a default view. */
export const VIEW_PARAM = 'view';
export const ALL_ORDERS_QUERY = `?${VIEW_PARAM}=all`;
export const ALL_ORDERS_HREF = `/orders${ALL_ORDERS_QUERY}`;

export type SearchParams = Record<string, string | string[] | undefined>;

export function paramsOf(query: string): SearchParams {
  const out: SearchParams = {};
  for (const [key, value] of new URLSearchParams(query.replace(/^\?/, '')))
    if (!(key in out)) out[key] = value;
  return out;
}

export function queryOf(filters: OrderFilters): string {
  return orderFiltersToQuery(withoutCursor(filters)).replace(/^\?/, '');
}

/**
 * The orders page at a query ("?tab=…" or "tab=…"): an empty one is the explicit "all orders"
 * (`?view=all`), so a link that clears every filter never lands on the role's pinned default.
 * Also where a view's tab leads: its stored query, which the page's parser re-reads.
 */
export function viewHref(query: string): string {
  const bare = query.replace(/^\?/, '');
  return bare ? `/orders?${bare}` : ALL_ORDERS_HREF;
}

/** The parameters without the view marker, for the page's parser. */
export function withoutViewMarker(params: SearchParams): SearchParams {
  const { [VIEW_PARAM]: _marker, ...rest } = params;
  return rest;
}
