import 'server-only';
import { and, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { EventSource, TopupStatus } from '../enums';
import { topupCounts, topups } from '../schema';
import { decodeCursor, encodeCursor } from './orders-cursor';
import { refundDue } from './refund-due';

// The orders list: filters → one WHERE, keyset pagination on (sort value, id) so page 1000 is
// as cheap as page 1, and counts that never scan a million rows.

const SORT_COLUMN = { created: topups.upstreamCreatedAt, amount: topups.topupAmount } as const;
export type OrderSort = keyof typeof SORT_COLUMN;

/**
 * What the list filters and pages on. lib/orders/filters.ts reads it from the URL
 * (`orderQuery`) and turns the creation days into instants there, [createdFrom, createdTo):
 * the desk's day rule is not restated on this floor. `from`/`to` (days) are refused by type.
 */
export type OrderQuery = {
  tab: TopupStatus | 'all' | 'refund_due';
  sort: OrderSort;
  dir: 'asc' | 'desc';
  size: number;
  after?: string;
  before?: string;
  createdFrom?: Date;
  createdTo?: Date;
  operator?: string;
  plan?: string;
  /** DZD amounts as decimal strings. */
  min?: string;
  max?: string;
  source?: EventSource;
  phone?: string;
  from?: never;
  to?: never;
};
/** Counts above this are shown as "10,000+" rather than counted exactly. */
export const COUNT_CAP = 10_000;
export function orderWhere(f: OrderQuery): SQL | undefined {
  return and(
    f.tab === 'all' ? undefined : f.tab === 'refund_due' ? refundDue : eq(topups.status, f.tab),
    f.createdFrom ? gte(topups.upstreamCreatedAt, f.createdFrom) : undefined,
    f.createdTo ? lt(topups.upstreamCreatedAt, f.createdTo) : undefined,
    f.operator ? eq(topups.operator, f.operator) : undefined,
    f.plan ? eq(topups.planCode, f.plan) : undefined,
    f.min ? gte(topups.topupAmount, f.min) : undefined,
    f.max ? lte(topups.topupAmount, f.max) : undefined,
    f.source ? eq(topups.source, f.source) : undefined,
    f.phone ? eq(topups.msisdn, f.phone) : undefined,
  );
}

export const ORDER_ROW = {
  id: topups.id,
  topupId: topups.topupId,
  ref: topups.ref,
  status: topups.status,
  msisdn: topups.msisdn,
  operator: topups.operator,
  planCode: topups.planCode,
  topupAmount: topups.topupAmount,
  source: topups.source,
  upstreamCreatedAt: topups.upstreamCreatedAt,
  statusChangedAt: topups.statusChangedAt,
  stuck: topups.stuck,
  needsReview: topups.needsReview,
};

function sortValue(sort: OrderSort, row: { upstreamCreatedAt: Date; topupAmount: string }) {
  return sort === 'created' ? row.upstreamCreatedAt.toISOString() : row.topupAmount;
}

/** ORDER BY matching the indexes (which store DESC NULLS LAST), read forwards or backwards. */
function orderBy(sort: OrderSort, descending: boolean) {
  const col = SORT_COLUMN[sort];
  return descending
    ? [sql`${col} desc nulls last`, sql`${topups.id} desc nulls last`]
    : [sql`${col} asc nulls first`, sql`${topups.id} asc nulls first`];
}

/** One page of the view, plus cursors for the next and previous pages. */
export async function listOrders(db: Db, f: OrderQuery, limit: number = f.size) {
  const col = SORT_COLUMN[f.sort];
  // A cursor that does not fit this sort (edited, or from another view) reads as the first page.
  const after = decodeCursor(f.after, f.sort);
  const before = decodeCursor(f.before, f.sort);
  const desc = f.dir === 'desc';
  // Reading "before" a cursor walks the index the other way, then flips the page back.
  const backwards = Boolean(before) && !after;
  const cursor = after ?? before;
  const forward = desc !== backwards;
  const keyset = cursor
    ? forward
      ? sql`(${col}, ${topups.id}) < (${cursor.value}, ${cursor.id})`
      : sql`(${col}, ${topups.id}) > (${cursor.value}, ${cursor.id})`
    : undefined;
  const rows = await db
    .select(ORDER_ROW)
    .from(topups)
    .where(and(orderWhere(f), keyset))
    .orderBy(...orderBy(f.sort, forward))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : Boolean(cursor);
  return {
    rows: page,
    next: hasNext && last ? encodeCursor({ value: sortValue(f.sort, last), id: last.id }) : null,
    prev: hasPrev && first ? encodeCursor({ value: sortValue(f.sort, first), id: first.id }) : null,
  };
}

export type OrderRow = Awaited<ReturnType<typeof listOrders>>['rows'][number];

function onlyTab(f: OrderQuery) {
  return !(
    f.createdFrom ||
    f.createdTo ||
    f.operator ||
    f.plan ||
    f.min ||
    f.max ||
    f.source ||
    f.phone
  );
}

/** Rows in the view: exact from the trigger-kept counters when only a tab is chosen, else counted up to the cap. */
export async function countOrders(
  db: Db,
  f: OrderQuery,
  /** The tab counts when the caller reads them anyway (the orders page): one read, not two. */
  tabs?: Promise<TabCounts>,
): Promise<{ n: number; exact: boolean }> {
  if (onlyTab(f)) {
    const counts = await (tabs ?? tabCounts(db));
    return { n: f.tab === 'all' ? counts.all : counts[f.tab], exact: true };
  }
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from ${topups} where ${orderWhere(f) ?? sql`true`} limit ${COUNT_CAP + 1}) capped`,
  );
  const n = result.rows[0]?.n ?? 0;
  return n > COUNT_CAP ? { n: COUNT_CAP, exact: false } : { n, exact: true };
}

export type TabCounts = Awaited<ReturnType<typeof tabCounts>>;

export async function tabCounts(db: Db) {
  const rows = await db.select({ bucket: topupCounts.bucket, n: topupCounts.n }).from(topupCounts);
  const by = Object.fromEntries(rows.map((r) => [r.bucket, Number(r.n)]));
  const get = (k: string) => by[k] ?? 0;
  return {
    all:
      get('PENDING') + get('HANDLING') + get('FULFILLED') + get('REFUNDED') + get('UNKNOWN_ERROR'),
    PENDING: get('PENDING'),
    HANDLING: get('HANDLING'),
    FULFILLED: get('FULFILLED'),
    REFUNDED: get('REFUNDED'),
    UNKNOWN_ERROR: get('UNKNOWN_ERROR'),
    refund_due: get('refund_due'),
  };
}
