import { Badge } from '@/components/ui/badge';
import type { RefundAnomaly } from '@/db/queries/reconcile';
import { column, type Fmt, iso, ListTable, OrderLink, Status } from './parts';

/** Customer refunds that later events call into question: the most urgent list on the page. */
export function Anomalies({ fmt, rows }: { fmt: Fmt; rows: RefundAnomaly[] }) {
  const { t } = fmt;
  return (
    <ListTable
      fmt={fmt}
      label={t('reconcile.anomalies')}
      empty={t('reconcile.noAnomalies')}
      columns={[
        column.order(t('reconcile.anomaly.order')),
        column.phone(t('reconcile.anomaly.phone')),
        column.amount('amount', t('reconcile.anomaly.amount')),
        column.time('refundedAt', t('reconcile.anomaly.refundedAt')),
        { id: 'change', label: t('reconcile.anomaly.change') },
        { id: 'now', label: t('reconcile.anomaly.now') },
      ]}
      rows={rows.map((a) => ({
        id: `${a.orderId}`,
        values: {
          order: a.topupId,
          phone: a.msisdn,
          amount: a.amount,
          refundedAt: iso(a.refundedAt),
          change: iso(a.changedAt),
          now: a.status,
        },
        cells: {
          order: <OrderLink id={a.orderId} label={a.topupId} />,
          change: (
            <span className="inline-flex flex-wrap items-center gap-2">
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
              {a.needsReview ? (
                <Badge tone="warning">{t('reconcile.anomaly.reviewFlag')}</Badge>
              ) : null}
            </span>
          ),
          now: <Status fmt={fmt} status={a.status} />,
        },
      }))}
    />
  );
}
