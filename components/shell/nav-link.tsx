'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { useLocale } from '@/lib/i18n/client';
import { formatNumber } from '@/lib/i18n/numbers';

export function NavLink({ href, label, badge }: { href: string; label: string; badge?: number }) {
  const pathname = usePathname();
  const locale = useLocale();
  const active =
    href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex items-center justify-between gap-2 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium',
        active ? 'bg-primary/10 text-primary' : 'text-fg hover:bg-muted',
      )}
    >
      {label}
      {badge ? (
        <span
          className="rounded-full bg-danger px-2 text-xs font-semibold text-white tabular-nums"
          data-testid={`nav-badge-${href.slice(1)}`}
        >
          {formatNumber(badge, locale)}
        </span>
      ) : null}
    </Link>
  );
}
