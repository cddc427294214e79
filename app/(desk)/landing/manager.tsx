import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { refundsAvoided, refundsDueTotals } from '@/db/queries/refunds';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { formatNumber } from '@/lib/i18n/numbers';
import { getLocale, getT } from '@/lib/i18n/server';
import { landingFigures } from '@/lib/reports/landing';
import { formatValue } from '../reports/format';

function Tile({
  label,
  value,
  note,
  href,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  href?: string;
  testId?: string;
}) {
  const body = (
    <Card className="h-full p-4 hover:bg-muted/40">
      <p className="text-sm text-muted-fg">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {note ? <p className="mt-1 text-xs text-muted-fg">{note}</p> : null}
    </Card>
  );
  return href ? (
    <Link href={href} className="block">
      {body}
    </Link>
  ) : (
    body
  );
}

/** Is the service healthy? Today against yesterday and the week, backlogs, float left. */
export async function ManagerLanding() {
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const now = new Date();
  const [f, due, avoided] = await Promise.all([
    landingFigures(db, now),
    refundsDueTotals(db),
    refundsAvoided(db, new Date(now.getTime() - 30 * 86_400_000)),
  ]);
  const pct = (v: number | null) => formatValue(v, 'percent', locale, t);
  const oldestHours = f.unknown.oldest
    ? (now.getTime() - f.unknown.oldest.getTime()) / 3_600_000
    : null;
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Tile
          label={t('landing.rateToday')}
          value={pct(f.today.rate)}
          note={t('landing.rateCompare', {
            yesterday: pct(f.yesterday.rate),
            week: pct(f.week.rate),
            settled: f.today.settled,
          })}
          href="/reports?range=today"
          testId="landing-rate"
        />
        <Tile
          label={t('landing.inFlight')}
          value={formatNumber(f.inFlight, locale)}
          href="/orders?tab=PENDING"
        />
        <Tile
          label={t('landing.unknown')}
          value={formatNumber(f.unknown.count, locale)}
          note={
            oldestHours === null
              ? t('landing.none')
              : t('landing.oldest', { age: formatValue(oldestHours, 'hours', locale, t) })
          }
          href="/unknown"
        />
        <Tile
          label={t('landing.refundsDue')}
          value={formatNumber(Number(due.count), locale)}
          note={formatDzd(due.total, locale, t('money.currency'))}
          href="/refunds"
        />
        <Tile
          label={t('landing.avoided')}
          value={formatNumber(avoided.count, locale)}
          note={t('landing.avoidedNote', {
            amount: formatDzd(avoided.amount, locale, t('money.currency')),
          })}
          testId="landing-avoided"
        />
        <Tile
          label={t('landing.balance')}
          value={f.balance ? formatDzd(f.balance.balance, locale, t('money.currency')) : '—'}
          note={
            f.balance
              ? `${f.runwayHours === null ? t('landing.noSpend') : t('landing.runway', { hours: formatValue(f.runwayHours, 'hours', locale, t) })} · ${t('landing.asOf', { time: formatDateTime(f.balance.at, locale) })}`
              : t('landing.noBalance')
          }
        />
        <Tile
          label={t('landing.operators')}
          value={
            f.ping && !f.ping.error ? (
              <span className="flex flex-wrap gap-2 text-base">
                {Object.entries(f.ping.operators).map(([op, state]) => (
                  <span key={op} className={state === 'up' ? 'text-success-fg' : 'text-danger-fg'}>
                    {op} {state === 'up' ? t('health.up') : t('health.down')}
                  </span>
                ))}
              </span>
            ) : (
              '—'
            )
          }
          href="/health"
        />
      </div>
      <p>
        <Link href="/reports" className="text-primary underline">
          {t('landing.openReports')}
        </Link>
      </p>
    </div>
  );
}
