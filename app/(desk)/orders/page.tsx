import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { countOrders, listOrders, tabCounts } from '@/db/queries/orders-list';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { orderFiltersToQuery, withoutCursor } from '@/lib/orders/filter-query';
import { orderQuery, parseOrderFilters } from '@/lib/orders/filters';
import { SEARCHED_PARAM, searchLanding } from '@/lib/orders/search-target';
import { firstParam } from '@/lib/url-state/params';
import { resolveOrdersParams, savedViewsFor } from '@/lib/views/orders-page';
import { ALL_ORDERS_HREF, ALL_ORDERS_QUERY } from '@/lib/views/query';
import { OrdersFilters } from './orders-filters';
import { OrdersTable } from './orders-table';
import { OrdersTabs } from './orders-tabs';
import { SavedViews } from './saved-views';

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
  const db = getDb();
  // The search box opens a phone's list with what was typed (lib/orders/search-target.ts).
  const all = await searchParams;
  const searched = firstParam(all, SEARCHED_PARAM);
  const { [SEARCHED_PARAM]: _marker, ...raw } = all;
  // With no parameters the role's pinned default view applies (lib/views); `?view=all` opts out.
  const { params, defaultView } = await resolveOrdersParams(db, user, raw);
  const { filters, ignored } = parseOrderFilters(params);
  const query = orderQuery(filters);
  const tabsRead = tabCounts(db);
  const [page, count, tabs, views] = await Promise.all([
    listOrders(db, query),
    countOrders(db, query, tabsRead),
    tabsRead,
    savedViewsFor(db, user, filters),
  ]);
  const landing = searched === undefined ? null : searchLanding(searched, page);
  if (landing) redirect(landing);
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
          {count.exact
            ? t('orders.count', { count: count.n })
            : t('orders.countCapped', { count: count.n })}
        </p>
      </div>
      {ignored.length ? (
        <Alert tone="warning">{t('orders.ignored', { params: ignored.join(', ') })}</Alert>
      ) : null}
      {defaultView ? (
        <Alert data-testid="default-view-notice">
          {t('views.defaultApplied', { name: defaultView.name, role: t(`roles.${user.role}`) })}{' '}
          <Link href={ALL_ORDERS_HREF} className="font-medium text-primary underline">
            {t('views.showAll')}
          </Link>
        </Alert>
      ) : null}
      <OrdersTabs filters={base} counts={tabs} emptyHref={ALL_ORDERS_HREF} />
      <SavedViews views={views} />
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
        first={
          filters.after || filters.before ? orderFiltersToQuery(base) || ALL_ORDERS_QUERY : null
        }
        exportHref={
          can(user.role, 'export')
            ? `/orders/export${orderFiltersToQuery({ ...base, hide: [] })}`
            : null
        }
      />
    </div>
  );
}
