import { normalizeMsisdn } from '../phone';

// Where a search goes, decided in the browser so the answer comes in one request: a phone
// number opens that number's orders (the list opens the order itself when the number has
// exactly one, and "nothing found" when it has none: the digits may still be a top-up id);
// anything else opens /orders/find, which answers with the order's page for a ref or a top-up
// id. Safe in client code.

/** The parameter that marks an orders list opened by the search box; it holds what was typed. */
export const SEARCHED_PARAM = 'searched';

/** Where a search opens: a phone's list or /orders/find; null when nothing was typed. */
export function searchHref(typed: string): string | null {
  const q = typed.trim().slice(0, 128);
  if (!q) return null;
  return phoneSearchHref(q) ?? `/orders/find?q=${encodeURIComponent(q)}`;
}

/** The phone's orders list for a search, or null when the text is not an Algerian mobile. */
export function phoneSearchHref(typed: string): string | null {
  const q = typed.trim().slice(0, 128);
  const msisdn = normalizeMsisdn(q);
  return msisdn ? `/orders?phone=${msisdn}&${SEARCHED_PARAM}=${encodeURIComponent(q)}` : null;
}

/** A search landing on a phone's list: its one order opens, no order means nothing found. */
export function searchLanding(
  typed: string,
  page: { rows: readonly { id: number }[]; next: unknown; prev: unknown },
): string | null {
  if (page.next || page.prev) return null;
  const [only, ...more] = page.rows;
  if (!only) return `/search/nothing?q=${encodeURIComponent(typed)}`;
  return more.length === 0 ? `/orders/${only.id}` : null;
}
