import { buttonClass } from '@/components/ui/button';

/** The CSV export of the current view, and the same with headers in the person's language. */
export function ExportLinks({
  href,
  label,
  localHeadersLabel,
  testId = 'export-csv',
}: {
  href: string;
  label: string;
  localHeadersLabel?: string;
  testId?: string;
}) {
  return (
    <span className="flex flex-wrap items-center gap-3">
      <a href={href} className={buttonClass('secondary', 'sm')} data-testid={testId}>
        {label}
      </a>
      {localHeadersLabel ? (
        <a
          href={`${href}${href.includes('?') ? '&' : '?'}headers=local`}
          className="text-sm text-primary underline"
        >
          {localHeadersLabel}
        </a>
      ) : null}
    </span>
  );
}
