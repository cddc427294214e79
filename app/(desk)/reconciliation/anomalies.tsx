import { Badge } from '@/components/ui/badge';
import type { RefundAnomaly } from '@/db/queries/reconcile';
import { type Fmt, ListTable, Ltr, OrderLink, Status } from './parts';

/** Customer refunds that later events call into question: the most urgent list on the page. */
export function Anomalies({ fmt, rows }: { fmt: Fmt; rows: RefundAnomaly[] }) {
  const { t } = fmt;
  return (
    <ListTable
      fmt={fmt}
      label={t('reconcile.anomalies')}
      empty={t('reconcile.noAnomalies')}
      head={[
        t('reconcile.anomaly.order'),
        t('reconcile.anomaly.phone'),
        t('reconcile.anomaly.amount'),
        t('reconcile.anomaly.refundedAt'),
        t('reconcile.anomaly.change'),
        t('reconcile.anomaly.now'),
      ]}
      rows={rows.map((a) => [
        <OrderLink key="o" id={a.orderId} label={a.topupId} />,
        <Ltr key="p">{a.msisdn}</Ltr>,
        <Ltr key="a">{fmt.money(a.amount)}</Ltr>,
        fmt.time(a.refundedAt),
        <span key="c" className="inline-flex flex-wrap items-center gap-2">
          {a.changeTo ? (
            <span>
              {t('reconcile.anomaly.changeText', {
                from: a.changeFrom ? t(`status.${a.changeFrom}`) : '—',
                to: t(`status.${a.changeTo}`),
                time: fmt.time(a.changedAt),
              })}
              {a.changeKind === 'anomaly' && a.changeTo !== a.status
                ? ` ${t('reconcile.anomaly.notApplied')}`
                : ''}
            </span>
          ) : null}
          {a.needsReview ? <Badge tone="warning">{t('reconcile.anomaly.reviewFlag')}</Badge> : null}
        </span>,
        <Status key="s" fmt={fmt} status={a.status} />,
      ])}
    />
  );
}
