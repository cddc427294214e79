import type { Metadata } from 'next';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale, getT } from '@/lib/i18n/server';
import { parseRange } from '@/lib/reconcile/days';
import { loadReconciliation } from '@/lib/reconcile/load';
import { getUpstream } from '@/lib/sync/upstream';
import { makeFmt } from './parts';
import { ReconciliationView } from './view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('reconcile.title') };
}

export default async function ReconciliationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireCapability('reconcile');
  const [t, locale] = [await getT(), await getLocale()];
  const fmt = makeFmt(t, locale);
  const now = new Date();
  const range = parseRange(await searchParams, now);
  const data = await loadReconciliation(getDb(), range, now, () => getUpstream().client);
  return <ReconciliationView fmt={fmt} data={data} now={now} />;
}
