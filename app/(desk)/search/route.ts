import { redirect } from 'next/navigation';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { resolveSearch } from '@/lib/orders/search';
import { phoneSearchHref } from '@/lib/orders/search-target';

// The search box's target when it cannot decide in the browser (scripts not loaded yet, or a
// ref or an id). A search is a lookup and a redirect, so it is a route handler: the person
// lands on the order after one cheap request, without the desk's layout rendered for a page
// nobody sees. A phone number goes to its list, which opens its order when it has one; nothing
// found opens ./nothing, which says so.
export async function GET(request: Request): Promise<never> {
  await requireCapability('orders:read');
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim();
  const phoneList = phoneSearchHref(q);
  if (phoneList) redirect(phoneList);
  const result = q ? await resolveSearch(getDb(), q) : ({ kind: 'none' } as const);
  if (result.kind === 'order') redirect(`/orders/${result.id}`);
  redirect(q ? `/search/nothing?q=${encodeURIComponent(q)}` : '/search/nothing');
}
