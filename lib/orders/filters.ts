import { z } from 'zod';
import { EVENT_SOURCES, OPERATORS, TOPUP_STATUSES } from '../../db/enums';
import type { OrderQuery } from '../../db/queries/orders-list';
import { dzdAmount, toCents } from '../money';
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
  toQuery,
} from '../url-state/params';

// The orders view lives in the URL (so a view can be shared), read by the desk's one URL
// parser (lib/url-state/params.ts): each parameter on its own; a bad one is dropped and
// reported, never guessed.

export const ORDER_TABS = ['all', ...TOPUP_STATUSES, 'refund_due'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];
export const SORT_KEYS = ['created', 'amount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export const HIDEABLE_COLUMNS = ['ref', 'operator', 'plan', 'source', 'changed'] as const;

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
} as const;

type Parsed = { -readonly [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };

export type OrderFilters = Omit<Parsed, 'tab' | 'sort' | 'dir' | 'size' | 'hide'> & {
  tab: OrderTab;
  sort: SortKey;
  dir: Direction;
  size: (typeof PAGE_SIZES)[number];
  hide: (typeof HIDEABLE_COLUMNS)[number][];
};

export const DEFAULT_FILTERS: OrderFilters = {
  tab: 'all',
  sort: 'created',
  dir: 'desc',
  size: 50,
  hide: [],
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

/** The URL of a view: only non-default values, in a stable order. */
export function orderFiltersToQuery(filters: Partial<OrderFilters>): string {
  return toQuery(FIELDS, filters, DEFAULT_FILTERS);
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

/** A filter set without its position, for "back to the first page" and the CSV export. */
export function withoutCursor(filters: OrderFilters): OrderFilters {
  const { after: _a, before: _b, ...rest } = filters;
  return rest;
}
