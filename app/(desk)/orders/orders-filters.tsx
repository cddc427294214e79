import Link from 'next/link';
import { FilterForm } from '@/components/data-table/filter-form';
import { filtersOf } from '@/components/data-table/meta';
import { buttonClass } from '@/components/ui/button';
import { getT } from '@/lib/i18n/server';
import type { OrderFilters } from '@/lib/orders/filters';
import { viewHref } from '@/lib/views/query';
import { ORDER_FILTER_COLUMNS, orderColumnMeta } from './columns';

/** The filters the orders columns declare, as the kit's GET form. */
export async function OrdersFilters({ filters }: { filters: OrderFilters }) {
  const t = await getT();
  const meta = orderColumnMeta(t);
  return (
    <FilterForm
      action="/orders"
      label={t('orders.filters')}
      filters={filtersOf(ORDER_FILTER_COLUMNS.map((id) => meta[id]))}
      values={{
        from: filters.from,
        to: filters.to,
        operator: filters.operator,
        plan: filters.plan,
        min: filters.min,
        max: filters.max,
        source: filters.source,
      }}
      keep={{
        tab: filters.tab === 'all' ? undefined : filters.tab,
        sort: filters.sort,
        dir: filters.dir,
        size: String(filters.size),
        hide: filters.hide.join(','),
        phone: filters.phone,
      }}
    >
      <button type="submit" className={buttonClass('primary', 'sm')}>
        {t('orders.apply')}
      </button>
      <Link
        href={viewHref(filters.tab === 'all' ? '' : `tab=${filters.tab}`)}
        className={buttonClass('ghost', 'sm')}
      >
        {t('orders.reset')}
      </Link>
      {filters.phone ? (
        <span className="text-sm text-muted-fg">
          {t('orders.phoneFilter')} <span className="ltr-isolate font-medium">{filters.phone}</span>
        </span>
      ) : null}
    </FilterForm>
  );
}
