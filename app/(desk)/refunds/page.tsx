import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SimpleTable } from '@/components/ui/simple-table';
import {
  listAwaitingApproval,
  listRecentRefunds,
  listRefundsDue,
  refundsDueTotals,
  refundView,
} from '@/db/queries/refunds';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { mayDecide } from '@/lib/refunds/policy';
import { DecideButtons } from './decide-buttons';
import { RefundButton } from './refund-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('refunds.title') };
}

export default async function RefundsPage({
  searchParams,
}: {
  searchParams: Promise<{ done?: string }>;
}) {
  const user = await requireCapability('refunds:read');
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const [due, totals, awaiting, recent] = await Promise.all([
    listRefundsDue(db),
    refundsDueTotals(db),
    listAwaitingApproval(db),
    listRecentRefunds(db),
  ]);
  const mayRefund = can(user.role, 'refunds:create');
  const doneId = Number((await searchParams).done);
  const done = Number.isSafeInteger(doneId) && doneId > 0 ? await refundView(db, doneId) : null;
  const money = (v: string | null) => formatDzd(v, locale, t('money.currency'));
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('refunds.title')}</h1>
        <p className="text-muted-fg">{t('refunds.intro')}</p>
      </div>
      {done ? (
        <Alert tone="success" data-testid="refund-result">
          {done.state === 'approved'
            ? t('refund.recorded')
            : t('refund.requestedBy', {
                who: done.byName ?? done.createdVia,
                time: formatDateTime(done.createdAt, locale),
              })}
        </Alert>
      ) : null}
      <section aria-labelledby="due" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="due" className="text-lg font-medium">
            {t('refunds.dueTitle')}
          </h2>
          {can(user.role, 'export') ? (
            <a
              href="/orders/export?tab=refund_due&sort=created&dir=asc"
              className={buttonClass('secondary', 'sm')}
            >
              {t('refunds.export')}
            </a>
          ) : null}
        </div>
        <Card className="p-3" data-testid="refunds-due-total">
          {t('refunds.dueTotal', {
            count: Number(totals.count),
            amount: money(totals.total),
          })}
        </Card>
        {due.length === 0 ? (
          <p>{t('refunds.noneDue')}</p>
        ) : (
          <ul className="space-y-2" data-testid="refunds-due">
            {due.map((row) => (
              <li
                key={row.id}
                className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface p-3"
                data-testid="refund-due-item"
                data-order-id={row.id}
              >
                <Link
                  href={`/orders/${row.id}`}
                  className="ltr-isolate font-medium text-primary underline"
                >
                  {row.msisdn}
                </Link>
                <span className="ltr-isolate font-semibold">{money(row.refundAmount)}</span>
                <span className="ltr-isolate font-mono text-xs text-muted-fg">
                  {row.ref ?? row.topupId}
                </span>
                <span className="text-sm text-muted-fg">
                  {t('refunds.waiting')}: {when(row.statusChangedAt)}
                </span>
                {row.refundMessage ? (
                  <span dir="rtl" lang="ar" className="text-sm">
                    {row.refundMessage}
                  </span>
                ) : null}
                <span className="ms-auto">
                  {mayRefund && !row.awaiting ? (
                    <RefundButton
                      id={row.id}
                      afterHref={`/refunds?done=${row.id}`}
                      amount={money(row.refundAmount)}
                      phone={row.msisdn}
                    />
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="awaiting" className="space-y-3">
        <h2 id="awaiting" className="text-lg font-medium">
          {t('refunds.awaitingTitle')}
        </h2>
        {awaiting.length === 0 ? (
          <p>{t('refunds.noneAwaiting')}</p>
        ) : (
          <ul className="space-y-2">
            {awaiting.map((r) => (
              <li
                key={r.topupPk}
                className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface p-3"
              >
                <Link
                  href={`/orders/${r.topupPk}`}
                  className="ltr-isolate font-medium text-primary underline"
                >
                  {r.msisdn}
                </Link>
                <span className="ltr-isolate font-semibold">{money(r.amount)}</span>
                <span className="text-sm text-muted-fg">
                  {t('refund.requestedBy', {
                    who: r.byName ?? r.createdVia,
                    time: when(r.createdAt),
                  })}
                </span>
                <span className="ms-auto">
                  {mayDecide(r, { userId: user.id, role: user.role }) ? (
                    <DecideButtons id={r.topupPk} />
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-lg font-medium">
          {t('refunds.recentTitle')}
        </h2>
        <SimpleTable
          label={t('refunds.recentTitle')}
          head={[
            t('order.phone'),
            t('order.amount'),
            t('refunds.refundedAt'),
            t('refunds.by'),
            t('refunds.state'),
          ]}
          rows={recent.map((r) => [
            <Link
              key="phone"
              href={`/orders/${r.topupPk}`}
              className="ltr-isolate text-primary underline"
            >
              {r.msisdn}
            </Link>,
            <span key="amount" className="ltr-isolate">
              {money(r.amount)}
            </span>,
            when(r.createdAt),
            r.byName ?? r.createdVia,
            r.delivery ? t(`refunds.deliveryShort.${r.delivery}`) : '—',
          ])}
        />
      </section>
    </div>
  );
}
