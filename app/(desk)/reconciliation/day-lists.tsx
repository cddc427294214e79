import type { StaticColumn, StaticRow } from '@/components/data-table/data-table';
import { Badge } from '@/components/ui/badge';
import type { ExtraRefund, RefundedOrder } from '@/db/queries/reconcile';
import { age, column, type Fmt, iso, ListTable, OrderLink, Status } from './parts';

// The chosen day's orders, from our database only: they show even when OneClick is down.

function refundState(fmt: Fmt, state: RefundedOrder['refundState']) {
  if (state === 'approved')
    return <Badge tone="success">{fmt.t('reconcile.refundState.approved')}</Badge>;
  return (
    <Badge tone={state ? 'warning' : 'danger'}>
      {fmt.t(`reconcile.refundState.${state ?? 'none'}`)}
    </Badge>
  );
}

/** The three columns every list starts with: the order, the customer's number, the amount. */
function orderColumns(fmt: Fmt, amountLabel: string): StaticColumn[] {
  return [
    column.order(fmt.t('reconcile.list.order')),
    column.phone(fmt.t('reconcile.list.phone')),
    column.amount('amount', amountLabel),
  ];
}

function orderRow(
  o: { id: number; topupId: string; msisdn: string; amount: string | null },
  values: StaticRow['values'],
  cells: StaticRow['cells'] = {},
): StaticRow {
  return {
    id: String(o.id),
    values: { order: o.topupId, phone: o.msisdn, amount: o.amount, ...values },
    cells: { order: <OrderLink id={o.id} label={o.topupId} />, ...cells },
  };
}

/** A titled list of the day; the title also names the table for screen readers. */
function ListSection(props: {
  id: string;
  title: string;
  fmt: Fmt;
  empty: string;
  columns: StaticColumn[];
  rows: StaticRow[];
}) {
  const { id, title, ...table } = props;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="scroll-mt-4 font-medium">
        {title}
      </h3>
      <ListTable label={title} {...table} />
    </section>
  );
}

export function MissingList({
  fmt,
  day,
  rows,
  now,
}: {
  fmt: Fmt;
  day: string;
  rows: RefundedOrder[];
  now: Date;
}) {
  const { t } = fmt;
  return (
    <ListSection
      id="missing-list"
      title={t('reconcile.missingList', { day })}
      fmt={fmt}
      empty={t('reconcile.noneMissing')}
      columns={[
        ...orderColumns(fmt, t('reconcile.list.charged')),
        column.time('refunded', t('reconcile.list.refundedUpstream')),
        { id: 'waiting', label: t('reconcile.list.waiting') },
        { id: 'state', label: t('reconcile.list.customerRefund') },
      ]}
      rows={rows.map((o) =>
        orderRow(
          { ...o, amount: o.balanceAmount },
          {
            refunded: iso(o.statusChangedAt),
            waiting: o.statusChangedAt ? -o.statusChangedAt.getTime() : null,
            state: o.refundState,
          },
          {
            waiting: age(fmt, o.statusChangedAt, now),
            state: refundState(fmt, o.refundState),
          },
        ),
      )}
    />
  );
}

export function ExtraList({ fmt, day, rows }: { fmt: Fmt; day: string; rows: ExtraRefund[] }) {
  const { t } = fmt;
  return (
    <ListSection
      id="extra-list"
      title={t('reconcile.extraList', { day })}
      fmt={fmt}
      empty={t('reconcile.noneExtra')}
      columns={[
        ...orderColumns(fmt, t('reconcile.list.refunded')),
        column.time('recordedAt', t('reconcile.list.recordedAt')),
        column.text('by', t('reconcile.list.recordedBy'), true),
        { id: 'status', label: t('reconcile.list.statusNow') },
      ]}
      rows={rows.map((r) =>
        orderRow(
          { ...r, id: r.orderId },
          { recordedAt: iso(r.refundedAt), by: r.createdVia, status: r.status },
          { status: <Status fmt={fmt} status={r.status} /> },
        ),
      )}
    />
  );
}

/** Every order that became REFUNDED on the day, folded away: the per-day count links here. */
export function RefundedList({ fmt, day, rows }: { fmt: Fmt; day: string; rows: RefundedOrder[] }) {
  const { t } = fmt;
  return (
    <details
      id="refunded-list"
      className="scroll-mt-4 rounded-lg border border-border bg-surface p-3"
    >
      <summary className="cursor-pointer font-medium">
        {t('reconcile.refundedList', { day, count: rows.length })}
      </summary>
      <div className="mt-2">
        <ListTable
          fmt={fmt}
          label={t('reconcile.refundedList', { day, count: rows.length })}
          empty={t('reconcile.noneRefunded')}
          columns={[
            ...orderColumns(fmt, t('reconcile.list.charged')),
            column.time('refunded', t('reconcile.list.refundedUpstream')),
            { id: 'state', label: t('reconcile.list.customerRefund') },
          ]}
          rows={rows.map((o) =>
            orderRow(
              { ...o, amount: o.balanceAmount },
              { refunded: iso(o.statusChangedAt), state: o.refundState },
              { state: refundState(fmt, o.refundState) },
            ),
          )}
        />
      </div>
    </details>
  );
}
