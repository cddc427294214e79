import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClass } from '@/components/ui/button';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { resolveSearch } from '@/lib/orders/search';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('search.title') };
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string }>;
}) {
  const user = await requireCapability('orders:read');
  const q = ((await searchParams).q ?? '').trim();
  const t = await getT();
  const result = q ? await resolveSearch(getDb(), q) : { kind: 'none' as const };
  // Searches land here when nothing matched (../route.ts, or a phone's empty list: the digits
  // may be a top-up id); a link kept from then may match now. The phone's list is opened
  // without the search marker, so it cannot send the person back here.
  if (result.kind === 'order') redirect(`/orders/${result.id}`);
  if (result.kind === 'phone') redirect(`/orders?phone=${result.msisdn}`);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('search.title')}</h1>
      {q ? (
        <>
          <p>{t('search.nothing', { q })}</p>
          <p className="text-muted-fg">{t('search.nothingHelp')}</p>
          {can(user.role, 'orders:track') ? (
            <Link href={`/track?q=${encodeURIComponent(q)}`} className={buttonClass('secondary')}>
              {t('search.trackIt', { q })}
            </Link>
          ) : null}
        </>
      ) : (
        <p>{t('search.empty')}</p>
      )}
    </div>
  );
}
