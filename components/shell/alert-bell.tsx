import Link from 'next/link';
import { BellIcon } from '@/components/ui/icons';
import { UNREAD_CAP } from '@/db/queries/alerts';
import type { Locale } from '@/lib/i18n/locales';
import { formatNumber } from '@/lib/i18n/numbers';

/** The in-app alert channel: a link to the alerts page with what this person has not seen. */
export function AlertBell({
  unread,
  label,
  locale,
}: {
  unread: number;
  label: string;
  locale: Locale;
}) {
  return (
    <Link
      href="/alerts"
      aria-label={label}
      title={label}
      data-testid="alert-bell"
      data-unread={unread}
      className="relative inline-flex items-center rounded-md p-1.5 text-fg hover:bg-muted"
    >
      <BellIcon className="size-5" />
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -end-1 -top-1 min-w-5 rounded-full bg-danger px-1 text-center text-xs font-semibold text-white tabular-nums"
        >
          {unread >= UNREAD_CAP
            ? `${formatNumber(UNREAD_CAP - 1, locale)}+`
            : formatNumber(unread, locale)}
        </span>
      ) : null}
    </Link>
  );
}
