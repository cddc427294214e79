import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { eventsFor, listUnknownQueue } from '@/db/queries/unknown';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { glossFor } from '@/lib/i18n/glosses';
import { languageOf } from '@/lib/i18n/locales';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { ageBucket, escalationPack } from '@/lib/orders/escalation';
import { UnknownQueue } from './unknown-queue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('unknown.title') };
}

export default async function UnknownPage() {
  const user = await requireCapability('orders:read');
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const now = new Date();
  const rows = await listUnknownQueue(db);
  const overdue = rows.filter(
    (r) => ageBucket(r.unknownErrorAt ?? r.upstreamCreatedAt, now) === 'overdue',
  );
  const timelines = await eventsFor(
    db,
    overdue.map((r) => r.id),
  );
  const packLabels = {
    title: t('unknown.pack.title'),
    topupId: t('unknown.pack.topupId'),
    ref: t('unknown.pack.ref'),
    phone: t('unknown.pack.phone'),
    amount: t('unknown.pack.amount'),
    plan: t('unknown.pack.plan'),
    created: t('unknown.pack.created'),
    unknownSince: t('unknown.pack.unknownSince'),
    requestIds: t('unknown.pack.requestIds'),
    timeline: t('unknown.pack.timeline'),
    none: t('unknown.pack.none'),
    currency: t('money.currency'),
  };
  const items = rows.map((r) => {
    const since = r.unknownErrorAt ?? r.upstreamCreatedAt;
    const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
    const bucket = ageBucket(since, now);
    return {
      id: r.id,
      topupId: r.topupId,
      ref: r.ref,
      msisdn: r.msisdn,
      amount: formatDzd(r.topupAmount, locale, t('money.currency')),
      age: t('unknown.hours', { h: Math.floor(minutes / 60), m: minutes % 60 }),
      minutes,
      nextCheckAt: r.nextCheckAt?.toISOString() ?? null,
      amountValue: r.topupAmount,
      bucket,
      bucketLabel: t(`unknown.bucket.${bucket}`),
      nextCheck: r.nextCheckAt ? formatDateTime(r.nextCheckAt, locale) : '—',
      message: r.refundMessage,
      gloss:
        languageOf(locale) !== 'ar' && glossFor(r.refundMessage)
          ? t(glossFor(r.refundMessage) ?? 'gloss.title')
          : null,
      pack: bucket === 'overdue' ? escalationPack(r, timelines.get(r.id) ?? [], packLabels) : null,
    };
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('unknown.title')}</h1>
      <Alert tone="danger">
        <strong>{t('unknown.doNotRefund')}.</strong> {t('unknown.intro')}
      </Alert>
      {items.length === 0 ? (
        <p>{t('unknown.empty')}</p>
      ) : (
        <UnknownQueue items={items} canRecheck={can(user.role, 'orders:check')} />
      )}
    </div>
  );
}
