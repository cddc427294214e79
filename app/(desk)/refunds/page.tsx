import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/data-table/data-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import {
  listAwaitingApproval,
  listRecentRefunds,
  listRefundsDue,
  refundsDueTotals,
  refundView,
} from '@/db/queries/refunds';
import { listResendsAwaiting } from '@/db/queries/resends';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { mayDecide } from '@/lib/refunds/policy';
import { DecideButtons, DecideResendButtons } from './decide-buttons';
import { RefundButton } from './refund-button';
import { ResendButton } from './resend-button';

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
  const [due, totals, awaiting, recent, resendsAwaiting] = await Promise.all([
    listRefundsDue(db),
    refundsDueTotals(db),
    listAwaitingApproval(db),
    listRecentRefunds(db),
    listResendsAwaiting(db),
  ]);
  const mayRefund = can(user.role, 'refunds:create');
  const mayResend = can(user.role, 'resends:create');
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
          <DataTable
            label={t('refunds.dueTitle')}
            testId="refunds-due"
            primary
            initialSort={{ id: 'waiting', desc: false }}
            columns={[
              { id: 'phone', label: t('order.phone'), ltr: true, rowHeader: true },
              { id: 'amount', label: t('order.amount'), kind: 'amount', ltr: true },
              { id: 'ref', label: t('order.ref'), mono: true, ltr: true },
              { id: 'waiting', label: t('refunds.waiting'), kind: 'datetime' },
              { id: 'message', label: t('unknown.message'), sortable: false },
              { id: 'action', label: t('tokens.actions'), sortable: false },
            ]}
            rows={due.map((row) => ({
              id: String(row.id),
              props: { 'data-testid': 'refund-due-item', 'data-order-id': row.id },
              values: {
                phone: row.msisdn,
                amount: row.refundAmount,
                ref: row.ref ?? row.topupId,
                waiting: row.statusChangedAt?.toISOString() ?? null,
              },
              cells: {
                phone: (
                  <Link
                    href={`/orders/${row.id}`}
                    data-primary=""
                    className="font-medium text-primary underline"
                  >
                    {row.msisdn}
                  </Link>
                ),
                message: row.refundMessage ? (
                  <span dir="rtl" lang="ar">
                    {row.refundMessage}
                  </span>
                ) : (
                  ''
                ),
                action: (
                  <div className="flex flex-wrap items-start gap-2">
                    {mayRefund && !row.awaiting ? (
                      <RefundButton
                        id={row.id}
                        afterHref={`/refunds?done=${row.id}`}
                        amount={money(row.refundAmount)}
                        phone={row.msisdn}
                      />
                    ) : null}
                    {/* Serving the customer beats refunding them: the offers OneClick suggested. */}
                    {mayResend && !row.awaiting && !row.resent
                      ? (row.suggestedOffers ?? []).map((offer) => (
                          <ResendButton
                            key={`${offer.plan_code}-${offer.amount}`}
                            id={row.id}
                            phone={row.msisdn}
                            offer={offer}
                          />
                        ))
                      : null}
                  </div>
                ),
              },
            }))}
          />
        )}
      </section>
      <section aria-labelledby="awaiting" className="space-y-3">
        <h2 id="awaiting" className="text-lg font-medium">
          {t('refunds.awaitingTitle')}
        </h2>
        {awaiting.length === 0 ? (
          <p>{t('refunds.noneAwaiting')}</p>
        ) : (
          <DataTable
            label={t('refunds.awaitingTitle')}
            testId="refunds-awaiting"
            columns={[
              { id: 'phone', label: t('order.phone'), ltr: true, rowHeader: true },
              { id: 'amount', label: t('order.amount'), kind: 'amount', ltr: true },
              { id: 'requested', label: t('table.refundRequest'), kind: 'datetime' },
              { id: 'decide', label: t('tokens.actions'), sortable: false },
            ]}
            rows={awaiting.map((r) => ({
              id: String(r.topupPk),
              values: { phone: r.msisdn, amount: r.amount, requested: r.createdAt.toISOString() },
              cells: {
                phone: (
                  <Link
                    href={`/orders/${r.topupPk}`}
                    data-primary=""
                    className="font-medium text-primary underline"
                  >
                    {r.msisdn}
                  </Link>
                ),
                requested: t('refund.requestedBy', {
                  who: r.byName ?? r.createdVia,
                  time: when(r.createdAt),
                }),
                decide: mayDecide(r, { userId: user.id, role: user.role }) ? (
                  <DecideButtons id={r.topupPk} />
                ) : null,
              },
            }))}
          />
        )}
      </section>
      {resendsAwaiting.length ? (
        <section aria-labelledby="resends-awaiting" className="space-y-3">
          <h2 id="resends-awaiting" className="text-lg font-medium">
            {t('resend.awaitingTitle')}
          </h2>
          <DataTable
            label={t('resend.awaitingTitle')}
            testId="resends-awaiting"
            columns={[
              { id: 'phone', label: t('order.phone'), ltr: true, rowHeader: true },
              { id: 'plan', label: t('resend.plan'), mono: true },
              { id: 'amount', label: t('order.amount'), kind: 'amount', ltr: true },
              { id: 'requested', label: t('table.refundRequest'), kind: 'datetime' },
              { id: 'decide', label: t('tokens.actions'), sortable: false },
            ]}
            rows={resendsAwaiting.map((r) => ({
              id: String(r.originalPk),
              values: {
                phone: r.msisdn,
                plan: r.planCode,
                amount: r.amount,
                requested: r.createdAt.toISOString(),
              },
              cells: {
                phone: (
                  <Link
                    href={`/orders/${r.originalPk}`}
                    data-primary=""
                    className="font-medium text-primary underline"
                  >
                    {r.msisdn}
                  </Link>
                ),
                requested: t('refund.requestedBy', {
                  who: r.byName ?? r.createdVia,
                  time: when(r.createdAt),
                }),
                decide:
                  mayResend && mayDecide(r, { userId: user.id, role: user.role }) ? (
                    <DecideResendButtons id={r.originalPk} />
                  ) : null,
              },
            }))}
          />
        </section>
      ) : null}
      <section aria-labelledby="recent" className="space-y-3">
        <h2 id="recent" className="text-lg font-medium">
          {t('refunds.recentTitle')}
        </h2>
        <DataTable
          label={t('refunds.recentTitle')}
          testId="refunds-recent"
          columns={[
            { id: 'phone', label: t('order.phone'), ltr: true, rowHeader: true },
            { id: 'amount', label: t('order.amount'), kind: 'amount', ltr: true },
            { id: 'at', label: t('refunds.refundedAt'), kind: 'datetime' },
            { id: 'by', label: t('refunds.by') },
            { id: 'state', label: t('refunds.state') },
          ]}
          rows={recent.map((r) => ({
            id: `${r.topupPk}-${r.createdAt.getTime()}`,
            values: {
              phone: r.msisdn,
              amount: r.amount,
              at: r.createdAt.toISOString(),
              by: r.byName ?? r.createdVia,
              state: r.delivery ? t(`refunds.deliveryShort.${r.delivery}`) : null,
            },
            cells: {
              phone: (
                <Link
                  href={`/orders/${r.topupPk}`}
                  data-primary=""
                  className="text-primary underline"
                >
                  {r.msisdn}
                </Link>
              ),
            },
          }))}
        />
      </section>
    </div>
  );
}
