import type { Metadata } from 'next';
import { requireCapability } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { TrackForm } from './track-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('track.title') };
}

export default async function TrackPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string }>;
}) {
  await requireCapability('orders:track');
  const t = await getT();
  const params = await searchParams;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('track.title')}</h1>
        <p className="text-muted-fg">{t('track.intro')}</p>
      </div>
      <TrackForm initialQuery={params.q?.slice(0, 128) ?? ''} />
    </div>
  );
}
