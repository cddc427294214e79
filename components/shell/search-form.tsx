'use client';

import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';
import { searchHref } from '@/lib/orders/search-target';

/**
 * A search form (its field is named `q`). The browser opens what the search names in one
 * request (lib/orders/search-target.ts); before the scripts have loaded, the form asks /search,
 * which looks up and redirects.
 */
export function SearchForm({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const typed = new FormData(event.currentTarget).get('q');
    const href = typeof typed === 'string' ? searchHref(typed) : null;
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
