import { z } from 'zod';
import { EVENT_SOURCES, OPERATORS, TOPUP_STATUSES } from '../../db/enums';
import type { OrderQuery } from '../../db/queries/orders-list';
import { dzdAmount, toCents } from '../money';
import { normalizeMsisdn } from '../phone';
import { daySpan, parseDay } from '../time/algiers';

// The orders view lives in the URL (so a view can be shared): this is its one parser. Each
// parameter is read on its own; a bad one is dropped and reported, never guessed.

export const ORDER_TABS = ['all', ...TOPUP_STATUSES, 'refund_due'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];
export const SORT_KEYS = ['created', 'amount'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;
export const HIDEABLE_COLUMNS = ['ref', 'operator', 'plan', 'source', 'changed'] as const;

/** A desk day (lib/time/algiers.ts): a date that does not exist, such as 2025-02-30, is dropped. */
const day = z.string().refine((s) => parseDay(s) !== null);
/** The one DZD amount pattern (lib/money.ts). */
const amount = dzdAmount();

const FIELDS = {
  tab: z.enum(ORDER_TABS),
  from: day,
  to: day,
  operator: z.enum(OPERATORS),
  plan: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  min: amount,
  max: amount,
  source: z.enum(EVENT_SOURCES),
  phone: z.string().transform((v, ctx) => {
    const msisdn = normalizeMsisdn(v);
    if (msisdn) return msisdn;
    ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return z.NEVER;
  }),
  sort: z.enum(SORT_KEYS),
  dir: z.enum(['asc', 'desc']),
  after: z.string().regex(/^[\w-]{4,200}$/),
  before: z.string().regex(/^[\w-]{4,200}$/),
  size: z.coerce
    .number()
    .pipe(
      z.union(
        PAGE_SIZES.map((n) => z.literal(n)) as [
          z.ZodLiteral<25>,
          z.ZodLiteral<50>,
          z.ZodLiteral<100>,
        ],
      ),
    ),
  hide: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .filter((c): c is (typeof HIDEABLE_COLUMNS)[number] =>
          (HIDEABLE_COLUMNS as readonly string[]).includes(c),
        ),
    ),
} as const;

type Parsed = { [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };

export type OrderFilters = Omit<Parsed, 'tab' | 'sort' | 'dir' | 'size' | 'hide'> & {
  tab: OrderTab;
  sort: SortKey;
  dir: 'asc' | 'desc';
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
export function parseOrderFilters(params: Record<string, string | string[] | undefined>): {
  filters: OrderFilters;
  ignored: string[];
} {
  const out: Record<string, unknown> = { ...DEFAULT_FILTERS };
  const ignored: string[] = [];
  for (const [key, schema] of Object.entries(FIELDS)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const parsed = (schema as z.ZodType).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else ignored.push(key);
  }
  if (
    typeof out.min === 'string' &&
    typeof out.max === 'string' &&
    (toCents(out.min) ?? 0n) > (toCents(out.max) ?? 0n)
  ) {
    ignored.push('min', 'max');
    delete out.min;
    delete out.max;
  }
  if (out.after && out.before) {
    ignored.push('before');
    delete out.before;
  }
  return { filters: out as OrderFilters, ignored };
}

/** The URL of a view: only non-default values, in a stable order. */
export function orderFiltersToQuery(filters: Partial<OrderFilters>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = filters[key as keyof OrderFilters];
    if (value === undefined || value === null) continue;
    if (key === 'hide') {
      if (Array.isArray(value) && value.length) params.set('hide', value.join(','));
      continue;
    }
    if (value === DEFAULT_FILTERS[key as keyof OrderFilters]) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The view as the orders query (db/queries/orders-list.ts) takes it: the creation days become
 * the instants [start of `from`, start of the day after `to`) of the desk's day rule
 * (lib/time/algiers.ts), so the query does not restate the rule.
 */
export function orderQuery(filters: OrderFilters): OrderQuery {
  const { from, to, hide: _hide, ...rest } = filters;
  return {
    ...rest,
    createdFrom: from ? daySpan(from).from : undefined,
    createdTo: to ? daySpan(to).to : undefined,
  };
}

/** A filter set without its position, for "back to the first page" and the CSV export. */
export function withoutCursor(filters: OrderFilters): OrderFilters {
  const { after: _a, before: _b, ...rest } = filters;
  return rest;
}
