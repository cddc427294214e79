import type { CreditReport, UnmatchedCredit } from '@/lib/reconcile/ledger';
import { Figure, type Fmt, ListTable, Ltr, OrderLink, Stat, Status } from './parts';

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
        head={[
          t('reconcile.list.order'),
          t('reconcile.list.credited'),
          t('reconcile.list.charged'),
          t('reconcile.list.time'),
        ]}
        rows={report.mismatched.map(({ row, order }) => [
          <OrderLink key="o" id={order.id} label={order.topupId} />,
          <Ltr key="c">{fmt.money(row.amount)}</Ltr>,
          <Ltr key="b">{fmt.money(order.balanceAmount)}</Ltr>,
          fmt.time(new Date(row.time)),
        ])}
      />

      <h4 className="text-sm font-medium">{t('reconcile.unmatchedList')}</h4>
      <ListTable
        fmt={fmt}
        label={t('reconcile.unmatchedList')}
        empty={t('reconcile.none')}
        head={[
          t('reconcile.list.ledgerRow'),
          t('reconcile.list.objid'),
          t('reconcile.list.credited'),
          t('reconcile.list.time'),
          t('reconcile.list.why'),
        ]}
        rows={report.unmatched.map((u) => [
          <Ltr key="r" mono>
            {u.row._id}
          </Ltr>,
          u.order ? (
            <OrderLink key="o" id={u.order.id} label={u.order.topupId} />
          ) : (
            <Ltr key="o" mono>
              {u.row.objid ?? '—'}
            </Ltr>
          ),
          <Ltr key="a">{fmt.money(u.row.amount)}</Ltr>,
          fmt.time(new Date(u.row.time)),
          <span key="w">{reason(fmt, u)}</span>,
        ])}
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
        head={[
          t('reconcile.list.order'),
          t('reconcile.list.phone'),
          t('reconcile.list.charged'),
          t('reconcile.list.refundedUpstream'),
        ]}
        rows={report.refundedWithoutCredit.map((o) => [
          <OrderLink key="o" id={o.id} label={o.topupId} />,
          <Ltr key="p">{o.msisdn}</Ltr>,
          <Ltr key="a">{fmt.money(o.balanceAmount)}</Ltr>,
          fmt.time(o.statusChangedAt),
        ])}
      />
    </section>
  );
}
