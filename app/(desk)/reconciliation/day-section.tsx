import { Alert } from '@/components/ui/alert';
import { sumAmounts } from '@/lib/money';
import type { Reconciliation } from '@/lib/reconcile/load';
import { Credits } from './credits';
import { ExtraList, MissingList, RefundedList } from './day-lists';
import { Debits } from './debits';
import { type Fmt, Ltr } from './parts';

/** The chosen day: OneClick's ledger matched live, then our own lists for that day. */
export function DaySection({ fmt, data, now }: { fmt: Fmt; data: Reconciliation; now: Date }) {
  const { t } = fmt;
  const { ledger, range } = data;
  const day = range.day;
  return (
    <section aria-labelledby="ledger" className="scroll-mt-4 space-y-4">
      <h2 id="ledger" className="text-lg font-medium">
        {t('reconcile.ledger', { day })}
      </h2>
      <p className="text-sm text-muted-fg">{t('reconcile.ledgerHelp')}</p>
      {!ledger.ok ? (
        <Alert tone="warning" data-testid="reconcile-upstream-down">
          {t('reconcile.unreachable', { kind: ledger.reason })}
        </Alert>
      ) : (
        <>
          {ledger.window.complete ? null : (
            <Alert tone="warning" data-testid="reconcile-ledger-cut">
              {t('reconcile.cut', {
                total: ledger.window.totalResults,
                pages: ledger.window.pagesRead,
              })}
            </Alert>
          )}
          <Credits fmt={fmt} report={ledger.credits} />
          <Debits fmt={fmt} report={ledger.debits} />
          {ledger.others.length > 0 ? (
            <p className="text-sm">
              {t('reconcile.others', { count: ledger.others.length })}{' '}
              <Ltr>{fmt.money(sumAmounts(ledger.others.map((r) => r.amount)))}</Ltr>
            </p>
          ) : null}
          {ledger.breaks.length > 0 ? (
            <Alert tone="danger">{t('reconcile.breaks', { count: ledger.breaks.length })}</Alert>
          ) : null}
        </>
      )}
      <MissingList fmt={fmt} day={day} rows={data.missingOnDay} now={now} />
      <ExtraList fmt={fmt} day={day} rows={data.extraOnDay} />
      <RefundedList fmt={fmt} day={day} rows={data.refundedOnDay} />
    </section>
  );
}
