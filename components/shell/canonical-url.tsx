'use client';

import { useEffect } from 'react';

/**
 * Shows a page's own address once it has rendered under another one (an order opened by a
 * search), so a reload, a bookmark or a copied link names the page, not the search.
 */
export function CanonicalUrl({ href }: { href: string }) {
  useEffect(() => {
    if (window.location.pathname + window.location.search !== href)
      window.history.replaceState(null, '', href);
  }, [href]);
  return null;
}
