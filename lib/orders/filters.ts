import { z } from 'zod';
import { EVENT_SOURCES, OPERATORS } from '../../db/enums';
import type { OrderQuery } from '../../db/queries/orders-list';
import { toCents } from '../money';
import { dzdAmount } from '../money-schema';
import { normalizeMsisdn } from '../phone';
import { boundsOf, parseDayOrTime } from '../time/algiers';
import {
  cursorParam,
  type Direction,
  dayOrTimeParam,
  dirParam,
  enumParam,
  hiddenColumnsParam,
  pageSizeParam,
  readParams,
  type SearchParams,
  sortParam,
} from '../url-state/params';
import {
  DEFAULT_FILTERS,
  type FilterKey,
  HIDEABLE_COLUMNS,
  ORDER_TABS,
  type OrderTab,
  PAGE_SIZES,
  SORT_KEYS,
  type SortKey,
} from './filter-query';

// The orders view lives in the URL (so a view can be shared), read by the desk's one URL
// parser (lib/url-state/params.ts): each parameter on its own; a bad one is dropped and
// reported, never guessed.

/** The one DZD amount pattern (lib/money.ts). */
const amount = dzdAmount();

const FIELDS = {
  tab: enumParam(ORDER_TABS),
  /** A whole Algiers day (YYYY-MM-DD) or an Algiers minute (YYYY-MM-DDTHH:mm), inclusive. */
  from: dayOrTimeParam(),
  /** A whole Algiers day, included; or an Algiers minute, excluded (an hour is [14:00, 15:00)). */
  to: dayOrTimeParam(),
  operator: enumParam(OPERATORS),
  plan: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  min: amount,
  max: amount,
  source: enumParam(EVENT_SOURCES),
  phone: z.string().transform((v, ctx) => {
    const msisdn = normalizeMsisdn(v);
    if (msisdn) return msisdn;
    ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return z.NEVER;
  }),
  sort: sortParam(SORT_KEYS),
  dir: dirParam(),
  after: cursorParam(),
  before: cursorParam(),
  size: pageSizeParam(PAGE_SIZES),
  hide: hiddenColumnsParam(HIDEABLE_COLUMNS),
} as const satisfies Record<FilterKey, z.ZodType>;

type Parsed = { -readonly [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };

export type OrderFilters = Omit<Parsed, 'tab' | 'sort' | 'dir' | 'size' | 'hide'> & {
  tab: OrderTab;
  sort: SortKey;
  dir: Direction;
  size: (typeof PAGE_SIZES)[number];
  hide: (typeof HIDEABLE_COLUMNS)[number][];
};

/** Parses URL search params; `ignored` names every parameter that was dropped. */
export function parseOrderFilters(params: SearchParams): {
  filters: OrderFilters;
  ignored: string[];
} {
  const { values, ignored } = readParams(params, FIELDS);
  const out: OrderFilters = { ...DEFAULT_FILTERS, ...values } as OrderFilters;
  const dropped: string[] = [...ignored];
  if (out.min && out.max && (toCents(out.min) ?? 0n) > (toCents(out.max) ?? 0n)) {
    dropped.push('min', 'max');
    delete out.min;
    delete out.max;
  }
  if (out.after && out.before) {
    dropped.push('before');
    delete out.before;
  }
  return { filters: out, ignored: dropped };
}

/**
 * The view as the orders query (db/queries/orders-list.ts) takes it: the creation bounds become
 * the instants [from, to) of the desk's day rule (lib/time/algiers.ts `boundsOf`: a day `to` is
 * included whole, a minute `to` is excluded), so the query does not restate the rule.
 */
export function orderQuery(filters: OrderFilters): OrderQuery {
  const { from, to, hide: _hide, ...rest } = filters;
  const bounds = boundsOf(parseDayOrTime(from), parseDayOrTime(to));
  return {
    ...rest,
    createdFrom: bounds.from,
    createdTo: bounds.to,
  };
}
