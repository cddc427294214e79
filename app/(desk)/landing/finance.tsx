import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { listRefundsDue, refundsDueTotals } from '@/db/queries/refunds';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';

/** Finance starts with the customers still waiting for their money. */
export async function FinanceLanding() {
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const [totals, oldest] = await Promise.all([refundsDueTotals(db), listRefundsDue(db, 5)]);
  return (
    <div className="space-y-4">
      <Card className="p-4">
        <h2 className="text-lg font-medium">{t('refunds.dueTitle')}</h2>
        <p className="text-2xl font-semibold" data-testid="landing-refunds-due">
          {t('refunds.dueTotal', {
            count: Number(totals.count),
            amount: formatDzd(totals.total, locale, t('money.currency')),
          })}
        </p>
        {oldest.length ? (
          <ul className="mt-3 space-y-1 text-sm">
            {oldest.map((o) => (
              <li key={o.id}>
                <Link href={`/orders/${o.id}`} className="ltr-isolate text-primary underline">
                  {o.msisdn}
                </Link>{' '}
                ·{' '}
                <span className="ltr-isolate">
                  {formatDzd(o.refundAmount, locale, t('money.currency'))}
                </span>{' '}
                · {t('refunds.waiting')} {formatDateTime(o.statusChangedAt, locale)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">{t('refunds.noneDue')}</p>
        )}
        <Link href="/refunds" className={`${buttonClass('primary', 'sm')} mt-3`}>
          {t('landing.openRefunds')}
        </Link>
      </Card>
    </div>
  );
}
