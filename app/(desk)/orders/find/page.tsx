import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { resolveSearch } from '@/lib/orders/search';
import { firstParam, type SearchParams } from '@/lib/url-state/params';
import { OrderView, orderTitle } from '../[id]/order-view';

// A search for a ref or a top-up id, answered with the order's page itself: one request, where
// a lookup and a redirect would be two (a full round trip more on a slow line). The address stays
// the search's: changing it under the page (history.replaceState) made the router re-mount the
// page on the next action's refresh, and Check now lost its answer. Reloaded or shared, it finds
// the same order. Anything else found goes where /search would send it.

type Props = { searchParams: Promise<SearchParams> };

const find = cache(async (q: string) =>
  q ? resolveSearch(getDb(), q) : ({ kind: 'none' } as const),
);
const typed = async (props: Props) => (firstParam(await props.searchParams, 'q') ?? '').trim();

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await find(await typed(props));
  return {
    title: found.kind === 'order' ? await orderTitle(found.id) : (await getT())('search.title'),
  };
}

export default async function FindOrderPage(props: Props) {
  const user = await requireCapability('orders:read');
  const q = await typed(props);
  const found = await find(q);
  if (found.kind === 'phone') redirect(`/orders?phone=${found.msisdn}`);
  if (found.kind === 'none')
    redirect(q ? `/search/nothing?q=${encodeURIComponent(q)}` : '/search/nothing');
  return <OrderView id={found.id} user={user} />;
}
