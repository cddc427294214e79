import type { Metadata } from 'next';
import { getDb } from '@/db';
import { getOrderSummary } from '@/db/queries/orders';
import { requireCapability } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { OrderSummaryCard } from './order-summary';
import { TrackForm } from './track-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('track.title') };
}

export default async function TrackPage({
  searchParams,
}: {
  searchParams: Promise<{ found?: string }>;
}) {
  await requireCapability('orders:track');
  const t = await getT();
  const found = Number.parseInt((await searchParams).found ?? '', 10);
  const order =
    Number.isSafeInteger(found) && found > 0 ? await getOrderSummary(getDb(), found) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('track.title')}</h1>
        <p className="text-muted-fg">{t('track.intro')}</p>
      </div>
      <TrackForm />
      {order ? <OrderSummaryCard order={order} /> : null}
    </div>
  );
}
