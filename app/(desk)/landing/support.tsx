import Link from 'next/link';
import { SearchForm } from '@/components/shell/search-form';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { listUnknownQueue } from '@/db/queries/unknown';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';

/** Support starts with a search box and the orders OneClick has not decided yet. */
export async function SupportLanding() {
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const unknown = (await listUnknownQueue(db, { size: 5 })).rows;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="p-4">
        <h2 className="mb-2 text-lg font-medium">{t('landing.findOrder')}</h2>
        <SearchForm className="flex gap-2">
          <label htmlFor="landing-search" className="sr-only">
            {t('nav.search')}
          </label>
          <input
            id="landing-search"
            name="q"
            type="search"
            placeholder={t('nav.searchPlaceholder')}
            className="h-10 flex-1 rounded-md border border-border bg-bg px-3 focus-visible:outline-2 focus-visible:outline-ring"
          />
          <button type="submit" className={buttonClass('primary')}>
            {t('nav.search')}
          </button>
        </SearchForm>
        <p className="mt-2 text-sm text-muted-fg">
          {t('landing.notFoundHint')}{' '}
          <Link href="/track" className="text-primary underline">
            {t('nav.track')}
          </Link>
        </p>
      </Card>
      <Card className="p-4">
        <h2 className="mb-2 text-lg font-medium">{t('unknown.title')}</h2>
        {unknown.length === 0 ? (
          <p>{t('unknown.empty')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {unknown.map((o) => (
              <li key={o.id}>
                <Link href={`/orders/${o.id}`} className="ltr-isolate text-primary underline">
                  {o.msisdn}
                </Link>{' '}
                · {t('unknown.nextRecheck')}{' '}
                {o.nextCheckAt ? formatDateTime(o.nextCheckAt, locale) : '—'}
              </li>
            ))}
          </ul>
        )}
        <Link href="/unknown" className={`${buttonClass('secondary', 'sm')} mt-3`}>
          {t('landing.openUnknown')}
        </Link>
      </Card>
    </div>
  );
}
