'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';
import { phoneSearchHref } from '@/lib/orders/search-target';

/**
 * A search form (its field is named `q`). A phone number goes straight to that number's orders
 * in one request; anything else, or any search before the scripts have loaded, asks /search.
 */
export function SearchForm({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const typed = new FormData(event.currentTarget).get('q');
    const href = typeof typed === 'string' ? phoneSearchHref(typed) : null;
    if (!href) return;
    event.preventDefault();
    router.push(href);
  };
  return (
    <form method="get" action="/search" className={className} onSubmit={onSubmit}>
      {children}
    </form>
  );
}
