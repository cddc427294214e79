'use client';

import { useEffect, useRef } from 'react';
import { useT } from '@/lib/i18n/client';
import { SearchForm } from './search-form';

/** The global search box; `/` anywhere (outside a text field) jumps to it. */
export function SearchBox() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <search className="w-full sm:w-auto">
      <SearchForm className="flex items-center gap-2">
        <label htmlFor="global-search" className="sr-only">
          {t('nav.search')}
        </label>
        <input
          ref={input}
          id="global-search"
          name="q"
          type="search"
          autoComplete="off"
          placeholder={t('nav.searchPlaceholder')}
          aria-keyshortcuts="/"
          title={t('nav.searchHint')}
          className="h-9 w-full rounded-md border border-border bg-bg px-3 text-sm sm:w-72 focus-visible:outline-2 focus-visible:outline-ring"
        />
        <kbd className="hidden rounded border border-border px-1.5 text-xs text-muted-fg sm:inline">
          /
        </kbd>
      </SearchForm>
    </search>
  );
}
