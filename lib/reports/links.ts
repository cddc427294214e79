import { algiersDate, HOUR_MS, hourOfDay, parseDay } from '../time/algiers';

// Where a report point leads: the orders of its hour or day. A chart bucket is an hour, keyed by
// its UTC start ("2026-11-01T11:00:00Z", db/queries/reports.ts `bucketOf`), or a desk day
// ("2026-11-01"). The orders filter reads hours as Algiers wall time, `from` included and `to`
// excluded ("2026-11-01T12:00" to "2026-11-01T13:00"), and days as days, both included.

const HOUR_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/;

/** An hour's start instant as Algiers wall time, to the minute: "2026-11-01T12:00". */
function wallHour(instant: Date): string {
  return `${algiersDate(instant)}T${String(hourOfDay(instant)).padStart(2, '0')}:00`;
}

export type BucketSpan = { grain: 'hour' | 'day'; from: string; to: string };

/** A chart bucket as the orders filter's `from` and `to`, or null for a key that is neither. */
export function bucketSpan(key: string): BucketSpan | null {
  if (parseDay(key)) return { grain: 'day', from: key, to: key };
  const start = HOUR_KEY.test(key) ? Date.parse(key) : Number.NaN;
  if (Number.isNaN(start)) return null;
  return {
    grain: 'hour',
    from: wallHour(new Date(start)),
    to: wallHour(new Date(start + HOUR_MS)),
  };
}

/** How a bucket reads in a table: the day itself, or the hour's Algiers start ("2026-11-01 12:00"). */
export function bucketLabel(key: string): string {
  const span = bucketSpan(key);
  if (!span) return key;
  return span.grain === 'day' ? span.from : span.from.replace('T', ' ');
}

export type OrdersFilter = Partial<Record<'tab' | 'operator' | 'plan' | 'from' | 'to', string>>;

/** `/orders?…` for a filter, parameters in a fixed order; `:` is left readable in date-times. */
export function ordersHref(filter: OrdersFilter): string {
  const order = ['tab', 'operator', 'plan', 'from', 'to'] as const;
  const query = order
    .filter((name) => filter[name])
    .map((name) => `${name}=${encodeURIComponent(filter[name] ?? '').replace(/%3A/gi, ':')}`)
    .join('&');
  return query ? `/orders?${query}` : '/orders';
}

/** The orders of one chart bucket (its hour or its day), narrowed by `filter`; null if unknown. */
export function bucketOrdersHref(key: string, filter: OrdersFilter = {}): string | null {
  const span = bucketSpan(key);
  return span ? ordersHref({ ...filter, from: span.from, to: span.to }) : null;
}
