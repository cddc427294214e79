import type { DebitReport } from '@/lib/reconcile/ledger';
import { column, Figure, type Fmt, iso, ListTable, Ltr, OrderLink, Stat } from './parts';

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
            columns={[
              column.text('row', t('reconcile.list.ledgerRow'), true),
              column.text('objid', t('reconcile.list.objid'), true),
              column.amount('debited', t('reconcile.list.debited')),
              column.time('time', t('reconcile.list.time')),
            ]}
            rows={report.notOurs.map((row) => ({
              id: row._id,
              values: {
                row: row._id,
                objid: row.objid ?? null,
                debited: row.amount,
                time: iso(row.time),
              },
            }))}
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
            columns={[
              column.order(t('reconcile.list.order')),
              column.phone(t('reconcile.list.phone')),
              column.amount('charged', t('reconcile.list.charged')),
              column.time('created', t('reconcile.list.created')),
            ]}
            rows={report.oursWithoutDebit.map((o) => ({
              id: String(o.id),
              values: {
                order: o.topupId,
                phone: o.msisdn,
                charged: o.balanceAmount,
                created: iso(o.upstreamCreatedAt),
              },
              cells: { order: <OrderLink id={o.id} label={o.topupId} /> },
            }))}
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
            columns={[
              column.order(t('reconcile.list.order')),
              column.amount('debited', t('reconcile.list.debited')),
              column.amount('charged', t('reconcile.list.charged')),
              column.time('time', t('reconcile.list.time')),
            ]}
            rows={report.mismatched.map(({ row, order }) => ({
              id: row._id,
              values: {
                order: order.topupId,
                debited: row.amount,
                charged: order.balanceAmount,
                time: iso(row.time),
              },
              cells: { order: <OrderLink id={order.id} label={order.topupId} /> },
            }))}
          />
        </>
      ) : null}
    </section>
  );
}
