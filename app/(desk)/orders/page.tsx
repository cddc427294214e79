import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { countOrders, listOrders, tabCounts } from '@/db/queries/orders-list';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import {
  orderFiltersToQuery,
  orderQuery,
  parseOrderFilters,
  withoutCursor,
} from '@/lib/orders/filters';
import { OrdersFilters } from './orders-filters';
import { OrdersTable } from './orders-table';
import { OrdersTabs } from './orders-tabs';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('orders.title') };
}

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireCapability('orders:read');
  const t = await getT();
  const { filters, ignored } = parseOrderFilters(await searchParams);
  const db = getDb();
  const query = orderQuery(filters);
  const [page, count, tabs] = await Promise.all([
    listOrders(db, query),
    countOrders(db, query),
    tabCounts(db),
  ]);
  const base = withoutCursor(filters);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('orders.title')}</h1>
        <p
          className="text-sm text-muted-fg"
          data-testid="orders-count"
          data-count={count.n}
          data-exact={count.exact}
        >
          {t(count.exact ? 'table.orderCount' : 'table.orderCountCapped', { count: count.n })}
        </p>
      </div>
      {ignored.length ? (
        <Alert tone="warning">{t('orders.ignored', { params: ignored.join(', ') })}</Alert>
      ) : null}
      <OrdersTabs filters={base} counts={tabs} />
      <OrdersFilters filters={base} />
      <OrdersTable
        rows={page.rows.map((r) => ({
          ...r,
          upstreamCreatedAt: r.upstreamCreatedAt.toISOString(),
          statusChangedAt: r.statusChangedAt.toISOString(),
        }))}
        filters={filters}
        next={page.next ? orderFiltersToQuery({ ...base, after: page.next }) : null}
        prev={page.prev ? orderFiltersToQuery({ ...base, before: page.prev }) : null}
        first={filters.after || filters.before ? orderFiltersToQuery(base) || '?' : null}
        exportHref={
          can(user.role, 'export')
            ? `/orders/export${orderFiltersToQuery({ ...base, hide: [] })}`
            : null
        }
      />
    </div>
  );
}
