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
    <section aria-labelledby="missing-list" className="space-y-2">
      <h3 id="missing-list" className="scroll-mt-4 font-medium">
        {t('reconcile.missingList', { day })}
      </h3>
      <ListTable
        fmt={fmt}
        label={t('reconcile.missingList', { day })}
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
          <OrderLink key="o" id={o.id} label={o.topupId} />,
          <Ltr key="p">{o.msisdn}</Ltr>,
          <Ltr key="a">{fmt.money(o.balanceAmount)}</Ltr>,
          fmt.time(o.statusChangedAt),
          age(fmt, o.statusChangedAt, now),
          <span key="s">{refundState(fmt, o.refundState)}</span>,
        ])}
      />
    </section>
  );
}

export function ExtraList({ fmt, day, rows }: { fmt: Fmt; day: string; rows: ExtraRefund[] }) {
  const { t } = fmt;
  return (
    <section aria-labelledby="extra-list" className="space-y-2">
      <h3 id="extra-list" className="scroll-mt-4 font-medium">
        {t('reconcile.extraList', { day })}
      </h3>
      <ListTable
        fmt={fmt}
        label={t('reconcile.extraList', { day })}
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
          <OrderLink key="o" id={r.orderId} label={r.topupId} />,
          <Ltr key="p">{r.msisdn}</Ltr>,
          <Ltr key="a">{fmt.money(r.amount)}</Ltr>,
          fmt.time(r.refundedAt),
          <Ltr key="v" mono>
            {r.createdVia}
          </Ltr>,
          <Status key="s" fmt={fmt} status={r.status} />,
        ])}
      />
    </section>
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
            <OrderLink key="o" id={o.id} label={o.topupId} />,
            <Ltr key="p">{o.msisdn}</Ltr>,
            <Ltr key="a">{fmt.money(o.balanceAmount)}</Ltr>,
            fmt.time(o.statusChangedAt),
            <span key="s">{refundState(fmt, o.refundState)}</span>,
          ])}
        />
      </div>
    </details>
  );
}
