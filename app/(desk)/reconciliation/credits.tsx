import type { CreditReport, UnmatchedCredit } from '@/lib/reconcile/ledger';
import { column, Figure, type Fmt, iso, ListTable, Ltr, OrderLink, Stat, Status } from './parts';

// REFUND-FLEXY credits in OneClick's ledger against our REFUNDED orders, for the chosen day.

function reason(fmt: Fmt, u: UnmatchedCredit) {
  return u.reason === 'not_refunded' && u.order ? (
    <span className="inline-flex items-center gap-2">
      {fmt.t('reconcile.reason.not_refunded')} <Status fmt={fmt} status={u.order.status} />
    </span>
  ) : (
    fmt.t(`reconcile.reason.${u.reason}`)
  );
}

export function Credits({ fmt, report }: { fmt: Fmt; report: CreditReport }) {
  const { t } = fmt;
  const mismatchTotal = report.mismatched.length;
  return (
    <section aria-labelledby="credits" className="space-y-3">
      <h3 id="credits" className="font-medium">
        {t('reconcile.credits')}
      </h3>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="reconcile-credits">
        <Stat label={t('reconcile.stat.credits')}>
          <Figure fmt={fmt} count={report.count} amount={report.total} />
        </Stat>
        <Stat label={t('reconcile.stat.matched')}>
          <Figure fmt={fmt} count={report.matched.length} amount={report.matchedTotal} />
        </Stat>
        <Stat label={t('reconcile.stat.mismatched')}>
          <Ltr>{mismatchTotal}</Ltr>
        </Stat>
        <Stat label={t('reconcile.stat.unmatched')}>
          <Ltr>{report.unmatched.length}</Ltr>
        </Stat>
        <Stat label={t('reconcile.stat.withoutCredit')}>
          <Ltr>{report.refundedWithoutCredit.length}</Ltr>
        </Stat>
      </dl>
      {report.matchedOtherDay > 0 ? (
        <p className="text-sm text-muted-fg">
          {t('reconcile.matchedOtherDay', { count: report.matchedOtherDay })}
        </p>
      ) : null}

      <h4 className="text-sm font-medium">{t('reconcile.mismatchList')}</h4>
      <ListTable
        fmt={fmt}
        label={t('reconcile.mismatchList')}
        empty={t('reconcile.none')}
        columns={[
          column.order(t('reconcile.list.order')),
          column.amount('credited', t('reconcile.list.credited')),
          column.amount('charged', t('reconcile.list.charged')),
          column.time('time', t('reconcile.list.time')),
        ]}
        rows={report.mismatched.map(({ row, order }) => ({
          id: row._id,
          values: {
            order: order.topupId,
            credited: row.amount,
            charged: order.balanceAmount,
            time: iso(row.time),
          },
          cells: { order: <OrderLink id={order.id} label={order.topupId} /> },
        }))}
      />

      <h4 className="text-sm font-medium">{t('reconcile.unmatchedList')}</h4>
      <ListTable
        fmt={fmt}
        label={t('reconcile.unmatchedList')}
        empty={t('reconcile.none')}
        columns={[
          column.text('row', t('reconcile.list.ledgerRow'), true),
          column.text('objid', t('reconcile.list.objid'), true),
          column.amount('credited', t('reconcile.list.credited')),
          column.time('time', t('reconcile.list.time')),
          { id: 'why', label: t('reconcile.list.why') },
        ]}
        rows={report.unmatched.map((u) => ({
          id: u.row._id,
          values: {
            row: u.row._id,
            objid: u.order?.topupId ?? u.row.objid ?? null,
            credited: u.row.amount,
            time: iso(u.row.time),
            why: u.reason,
          },
          cells: {
            objid: u.order ? <OrderLink id={u.order.id} label={u.order.topupId} /> : undefined,
            why: reason(fmt, u),
          },
        }))}
      />

      <h4 className="text-sm font-medium">{t('reconcile.withoutCreditList')}</h4>
      {report.notJudged > 0 ? (
        <p className="text-sm text-warning-fg">
          {t('reconcile.notJudged', { count: report.notJudged })}
        </p>
      ) : null}
      <ListTable
        fmt={fmt}
        label={t('reconcile.withoutCreditList')}
        empty={t('reconcile.none')}
        columns={[
          column.order(t('reconcile.list.order')),
          column.phone(t('reconcile.list.phone')),
          column.amount('charged', t('reconcile.list.charged')),
          column.time('refunded', t('reconcile.list.refundedUpstream')),
        ]}
        rows={report.refundedWithoutCredit.map((o) => ({
          id: String(o.id),
          values: {
            order: o.topupId,
            phone: o.msisdn,
            charged: o.balanceAmount,
            refunded: iso(o.statusChangedAt),
          },
          cells: { order: <OrderLink id={o.id} label={o.topupId} /> },
        }))}
      />
    </section>
  );
}
