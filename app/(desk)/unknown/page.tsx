import type { Metadata } from 'next';
import { KeysetPagination } from '@/components/data-table/pagination';
import { Alert } from '@/components/ui/alert';
import { listUnknownQueue } from '@/db/queries/unknown';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { glossFor } from '@/lib/i18n/glosses';
import { languageOf } from '@/lib/i18n/locales';
import { formatDzd } from '@/lib/i18n/money';
import { getLocale, getT } from '@/lib/i18n/server';
import { ageBucket } from '@/lib/orders/escalation';
import { cursorParam, readParams } from '@/lib/url-state/params';
import { UnknownQueue } from './unknown-queue';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('unknown.title') };
}

export default async function UnknownPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireCapability('orders:read');
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const now = new Date();
  // A cursor that does not decode reads as the first page (db/queries/unknown.ts).
  const { after, before } = readParams(await searchParams, {
    after: cursorParam(),
    before: cursorParam(),
  }).values;
  const page = await listUnknownQueue(db, { after, before });
  const items = page.rows.map((r) => {
    const since = r.unknownErrorAt ?? r.upstreamCreatedAt;
    const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
    const bucket = ageBucket(since, now);
    const gloss = languageOf(locale) !== 'ar' ? glossFor(r.refundMessage) : null;
    return {
      id: r.id,
      topupId: r.topupId,
      ref: r.ref,
      msisdn: r.msisdn,
      amount: formatDzd(r.topupAmount, locale, t('money.currency')),
      age: t('unknown.hours', { h: Math.floor(minutes / 60), m: minutes % 60 }),
      bucket,
      bucketLabel: t(`unknown.bucket.${bucket}`),
      nextCheck: r.nextCheckAt ? formatDateTime(r.nextCheckAt, locale) : '—',
      message: r.refundMessage,
      gloss: gloss ? t(gloss) : null,
      // Overdue orders get an escalation pack, built when someone opens it (./actions.ts).
      overdue: bucket === 'overdue',
    };
  });
  const href = (key: 'after' | 'before', cursor: string | null) =>
    cursor ? `/unknown?${key}=${cursor}` : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('unknown.title')}</h1>
      <Alert tone="danger">
        <strong>{t('unknown.doNotRefund')}.</strong> {t('unknown.intro')}
      </Alert>
      {items.length === 0 && !after && !before ? (
        <p>{t('unknown.empty')}</p>
      ) : (
        <>
          <UnknownQueue items={items} canRecheck={can(user.role, 'orders:check')} />
          <KeysetPagination
            label={t('table.pagination')}
            first={after || before ? '/unknown' : null}
            prev={href('before', page.prev)}
            next={href('after', page.next)}
            labels={{
              first: t('table.firstPage'),
              prev: t('table.previousPage'),
              next: t('table.nextPage'),
            }}
          />
        </>
      )}
    </div>
  );
}
