import type { DebitReport } from '@/lib/reconcile/ledger';
import { Figure, type Fmt, ListTable, Ltr, OrderLink, Stat } from './parts';

/** FLEXY debits against our orders created on the day: do we hold every top-up we paid for? */
export function Debits({ fmt, report }: { fmt: Fmt; report: DebitReport }) {
  const { t } = fmt;
  return (
    <section aria-labelledby="debits" className="space-y-3">
      <h3 id="debits" className="font-medium">
        {t('reconcile.debits')}
      </h3>
      <p className="text-sm text-muted-fg">{t('reconcile.debitsHelp')}</p>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5" data-testid="reconcile-debits">
        <Stat label={t('reconcile.stat.debited')}>
          <Figure fmt={fmt} count={report.count} amount={report.total} />
        </Stat>
        <Stat label={t('reconcile.stat.ours')}>
          <Figure fmt={fmt} count={report.oursCount} amount={report.oursTotal} />
        </Stat>
        <Stat label={t('reconcile.stat.notOurs')}>
          <Ltr>{report.notOurs.length}</Ltr>
        </Stat>
        <Stat label={t('reconcile.stat.oursWithoutDebit')}>
          <Ltr>{report.oursWithoutDebit.length}</Ltr>
        </Stat>
        <Stat label={t('reconcile.stat.debitMismatch')}>
          <Ltr>{report.mismatched.length}</Ltr>
        </Stat>
      </dl>
      {report.notOurs.length > 0 ? (
        <>
          <h4 className="text-sm font-medium">{t('reconcile.notOursList')}</h4>
          <ListTable
            fmt={fmt}
            label={t('reconcile.notOursList')}
            empty={t('reconcile.none')}
            head={[
              t('reconcile.list.ledgerRow'),
              t('reconcile.list.objid'),
              t('reconcile.list.debited'),
              t('reconcile.list.time'),
            ]}
            rows={report.notOurs.map((row) => [
              <Ltr key="r" mono>
                {row._id}
              </Ltr>,
              <Ltr key="o" mono>
                {row.objid ?? '—'}
              </Ltr>,
              <Ltr key="a">{fmt.money(row.amount)}</Ltr>,
              fmt.time(new Date(row.time)),
            ])}
          />
        </>
      ) : null}
      {report.notJudged > 0 ? (
        <p className="text-sm text-warning-fg">
          {t('reconcile.notJudgedDebits', { count: report.notJudged })}
        </p>
      ) : null}
      {report.oursWithoutDebit.length > 0 ? (
        <>
          <h4 className="text-sm font-medium">{t('reconcile.oursWithoutDebitList')}</h4>
          <ListTable
            fmt={fmt}
            label={t('reconcile.oursWithoutDebitList')}
            empty={t('reconcile.none')}
            head={[
              t('reconcile.list.order'),
              t('reconcile.list.phone'),
              t('reconcile.list.charged'),
              t('reconcile.list.created'),
            ]}
            rows={report.oursWithoutDebit.map((o) => [
              <OrderLink key="o" id={o.id} label={o.topupId} />,
              <Ltr key="p">{o.msisdn}</Ltr>,
              <Ltr key="a">{fmt.money(o.balanceAmount)}</Ltr>,
              fmt.time(o.upstreamCreatedAt),
            ])}
          />
        </>
      ) : null}
      {report.mismatched.length > 0 ? (
        <>
          <h4 className="text-sm font-medium">{t('reconcile.debitMismatchList')}</h4>
          <ListTable
            fmt={fmt}
            label={t('reconcile.debitMismatchList')}
            empty={t('reconcile.none')}
            head={[
              t('reconcile.list.order'),
              t('reconcile.list.debited'),
              t('reconcile.list.charged'),
              t('reconcile.list.time'),
            ]}
            rows={report.mismatched.map(({ row, order }) => [
              <OrderLink key="o" id={order.id} label={order.topupId} />,
              <Ltr key="d">{fmt.money(row.amount)}</Ltr>,
              <Ltr key="b">{fmt.money(order.balanceAmount)}</Ltr>,
              fmt.time(new Date(row.time)),
            ])}
          />
        </>
      ) : null}
    </section>
  );
}
