import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { ExtraRefund, RefundedOrder } from '@/db/queries/reconcile';
import { age, type Fmt, ListTable, Ltr, OrderLink, Status } from './parts';

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

/** The three cells every list starts with: the order, the customer's number, the amount. */
function orderCells(
  fmt: Fmt,
  o: { id: number; topupId: string; msisdn: string; amount: string | null },
) {
  return [
    <OrderLink key="o" id={o.id} label={o.topupId} />,
    <Ltr key="p">{o.msisdn}</Ltr>,
    <Ltr key="a">{fmt.money(o.amount)}</Ltr>,
  ];
}

/** A titled list of the day; the title also names the table for screen readers. */
function ListSection(props: {
  id: string;
  title: string;
  fmt: Fmt;
  empty: string;
  head: string[];
  rows: ReactNode[][];
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
      head={[
        t('reconcile.list.order'),
        t('reconcile.list.phone'),
        t('reconcile.list.charged'),
        t('reconcile.list.refundedUpstream'),
        t('reconcile.list.waiting'),
        t('reconcile.list.customerRefund'),
      ]}
      rows={rows.map((o) => [
        ...orderCells(fmt, { ...o, amount: o.balanceAmount }),
        fmt.time(o.statusChangedAt),
        age(fmt, o.statusChangedAt, now),
        <span key="s">{refundState(fmt, o.refundState)}</span>,
      ])}
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
      head={[
        t('reconcile.list.order'),
        t('reconcile.list.phone'),
        t('reconcile.list.refunded'),
        t('reconcile.list.recordedAt'),
        t('reconcile.list.recordedBy'),
        t('reconcile.list.statusNow'),
      ]}
      rows={rows.map((r) => [
        ...orderCells(fmt, { ...r, id: r.orderId }),
        fmt.time(r.refundedAt),
        <Ltr key="v" mono>
          {r.createdVia}
        </Ltr>,
        <Status key="s" fmt={fmt} status={r.status} />,
      ])}
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
          head={[
            t('reconcile.list.order'),
            t('reconcile.list.phone'),
            t('reconcile.list.charged'),
            t('reconcile.list.refundedUpstream'),
            t('reconcile.list.customerRefund'),
          ]}
          rows={rows.map((o) => [
            ...orderCells(fmt, { ...o, amount: o.balanceAmount }),
            fmt.time(o.statusChangedAt),
            <span key="s">{refundState(fmt, o.refundState)}</span>,
          ])}
        />
      </div>
    </details>
  );
}
