import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import type { tabCounts } from '@/db/queries/orders-list';
import { formatNumber } from '@/lib/i18n/numbers';
import { getLocale, getT } from '@/lib/i18n/server';
import { ORDER_TABS, orderFiltersToQuery } from '@/lib/orders/filter-query';
import type { OrderFilters } from '@/lib/orders/filters';

export async function OrdersTabs({
  filters,
  counts,
  emptyHref = '/orders',
}: {
  filters: OrderFilters;
  counts: Awaited<ReturnType<typeof tabCounts>>;
  /** Where a tab with no filters at all leads (`/orders` alone opens the role's default view). */
  emptyHref?: string;
}) {
  const [t, locale] = [await getT(), await getLocale()];
  return (
    <nav aria-label={t('orders.tabs')} className="overflow-x-auto">
      <ul className="flex gap-1 border-b border-border">
        {ORDER_TABS.map((tab) => {
          const active = filters.tab === tab;
          const query = orderFiltersToQuery({ ...filters, tab });
          return (
            <li key={tab}>
              <Link
                href={query ? `/orders${query}` : emptyHref}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  '-mb-px flex items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-2 text-sm',
                  active
                    ? 'border-primary font-semibold text-primary'
                    : 'border-transparent text-fg hover:border-border',
                )}
              >
                {t(`orders.tab.${tab}`)}
                <span
                  className="rounded-full bg-muted px-1.5 text-xs tabular-nums text-fg"
                  data-testid={`tab-count-${tab}`}
                >
                  {formatNumber(counts[tab], locale)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
