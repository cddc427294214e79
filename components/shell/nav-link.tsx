'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export function NavLink({ href, label }: { href: string; label: string }) {
  const pathname = usePathname();
  const active = href === '/' ? pathname === '/' : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium',
        active ? 'bg-primary/10 text-primary' : 'text-fg hover:bg-muted',
      )}
    >
      {label}
    </Link>
  );
}
