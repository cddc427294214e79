import { redirect } from 'next/navigation';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { resolveSearch } from '@/lib/orders/search';

// The search box's target. A search is a lookup and a redirect, so it is a route handler: the
// person lands on the order (or the phone's list) after one cheap request, without the desk's
// layout rendered for a page nobody sees. Nothing found opens ./nothing, which says so.
export async function GET(request: Request): Promise<never> {
  await requireCapability('orders:read');
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim();
  const result = q ? await resolveSearch(getDb(), q) : ({ kind: 'none' } as const);
  // One result opens directly; a phone number with several top-ups opens its list.
  if (result.kind === 'order') redirect(`/orders/${result.id}`);
  if (result.kind === 'phone') redirect(`/orders?phone=${result.msisdn}`);
  redirect(q ? `/search/nothing?q=${encodeURIComponent(q)}` : '/search/nothing');
}
