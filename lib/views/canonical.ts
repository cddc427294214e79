import { parseOrderFilters } from '../orders/filters';
import { paramsOf, queryOf, type SearchParams } from './query';

// Apart from query.ts (which client components import for links): reading a view back goes
// through the page's parser, which runs on zod, on the server.

/** What a view stores: the parsed filters without their paging cursor, as the parser writes them. */
export function canonicalViewQuery(raw: string | SearchParams): string {
  const { filters } = parseOrderFilters(typeof raw === 'string' ? paramsOf(raw) : raw);
  return queryOf(filters);
}
