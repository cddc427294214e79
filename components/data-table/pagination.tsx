import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

// Keyset paging: the server hands the URLs of the first, previous and next pages (cursors,
// lib/url-state/params.ts); a missing one is not shown. No page numbers: a keyset has none.

export function KeysetPagination({
  label,
  first,
  prev,
  next,
  labels,
}: {
  label: string;
  first?: string | null;
  prev?: string | null;
  next?: string | null;
  labels: { first: string; prev: string; next: string };
}) {
  if (!first && !prev && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {first ? (
        <Link href={first} className={buttonClass('ghost', 'sm')}>
          {labels.first}
        </Link>
      ) : null}
      {prev ? (
        <Link href={prev} className={buttonClass('secondary', 'sm')} rel="prev">
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            ←
          </span>{' '}
          {labels.prev}
        </Link>
      ) : null}
      {next ? (
        <Link href={next} className={buttonClass('secondary', 'sm')} rel="next">
          {labels.next}{' '}
          <span aria-hidden="true" className="inline-block rtl:rotate-180">
            →
          </span>
        </Link>
      ) : null}
    </nav>
  );
}
