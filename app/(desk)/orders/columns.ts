import type { DataColumnMeta } from '@/components/data-table/meta';
import { EVENT_SOURCES, OPERATORS } from '@/db/enums';
import type { T } from '@/lib/i18n';
import { HIDEABLE_COLUMNS } from '@/lib/orders/filter-query';

// The orders list's columns, as the kit reads them: the table (orders-table.tsx) renders them,
// the filter form (orders-filters.tsx) and the column menu are built from this meta.

export const ORDER_COLUMNS = [
  'topupId',
  'ref',
  'phone',
  'status',
  'amount',
  'operator',
  'plan',
  'source',
  'created',
  'changed',
] as const;
export type OrderColumnId = (typeof ORDER_COLUMNS)[number];

/** The filter form's order: when, then what. */
export const ORDER_FILTER_COLUMNS: OrderColumnId[] = [
  'created',
  'operator',
  'plan',
  'amount',
  'source',
];

const hideable = (id: OrderColumnId) => (HIDEABLE_COLUMNS as readonly string[]).includes(id);

export function orderColumnMeta(t: T): Record<OrderColumnId, DataColumnMeta> {
  const meta: Record<OrderColumnId, DataColumnMeta> = {
    topupId: { label: t('order.topupId'), mono: true, ltr: true },
    ref: { label: t('order.ref'), mono: true, ltr: true },
    phone: { label: t('order.phone'), ltr: true },
    status: { label: t('order.status') },
    amount: {
      label: t('order.amount'),
      ltr: true,
      filter: {
        kind: 'amount',
        from: { param: 'min', label: t('orders.minAmount') },
        to: { param: 'max', label: t('orders.maxAmount') },
      },
    },
    operator: {
      label: t('order.operator'),
      filter: {
        kind: 'select',
        param: 'operator',
        label: t('orders.operator'),
        anyLabel: t('orders.any'),
        options: OPERATORS.map((op) => ({ value: op, label: op })),
      },
    },
    plan: {
      label: t('order.plan'),
      mono: true,
      filter: {
        kind: 'text',
        param: 'plan',
        label: t('orders.plan'),
        placeholder: 'PREPAID_DJEZZY',
      },
    },
    source: {
      label: t('orders.source'),
      filter: {
        kind: 'select',
        param: 'source',
        label: t('orders.source'),
        anyLabel: t('orders.any'),
        options: EVENT_SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) })),
      },
    },
    created: {
      label: t('order.createdAt'),
      filter: {
        kind: 'day',
        from: { param: 'from', label: t('orders.from') },
        to: { param: 'to', label: t('orders.to') },
      },
    },
    changed: { label: t('order.statusChangedAt') },
  };
  for (const id of ORDER_COLUMNS) meta[id].hideable = hideable(id);
  return meta;
}
