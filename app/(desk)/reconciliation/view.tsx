import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { MAX_RANGE_DAYS } from '@/lib/reconcile/days';
import type { Reconciliation } from '@/lib/reconcile/load';
import { Anomalies } from './anomalies';
import { BalanceSection } from './balance-section';
import { DaySection } from './day-section';
import { DayTable } from './day-table';
import type { Fmt } from './parts';
import { RangeForm } from './range-form';

/** The page body: synchronous, so it renders the same from the page and from a test. */
export function ReconciliationView({
  fmt,
  data,
  now,
}: {
  fmt: Fmt;
  data: Reconciliation;
  now: Date;
}) {
  const { t } = fmt;
  const { range } = data;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('reconcile.title')}</h1>
        <p className="text-muted-fg">{t('reconcile.intro')}</p>
      </div>
      <RangeForm fmt={fmt} range={range} />
      {range.adjusted.length ? (
        <Alert tone="warning">
          {t('reconcile.adjusted', { max: MAX_RANGE_DAYS, from: range.from, to: range.to })}
        </Alert>
      ) : null}

      <section aria-labelledby="per-day" className="space-y-2">
        <h2 id="per-day" className="text-lg font-medium">
          {t('reconcile.perDay')}
        </h2>
        <p className="text-sm text-muted-fg">{t('reconcile.perDayHelp')}</p>
        <DayTable fmt={fmt} range={range} rows={data.days} total={data.total} now={now} />
        <p className="text-sm">
          <Link href="/orders?tab=refund_due" className="text-primary underline underline-offset-2">
            {t('reconcile.allDue')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="anomalies" className="space-y-2">
        <h2 id="anomalies" className="text-lg font-medium">
          {t('reconcile.anomalies')}
        </h2>
        <p className="text-sm text-muted-fg">{t('reconcile.anomaliesHelp')}</p>
        <Anomalies fmt={fmt} rows={data.anomalies} />
      </section>

      <BalanceSection fmt={fmt} balance={data.balance} />
      <DaySection fmt={fmt} data={data} now={now} />
    </div>
  );
}
