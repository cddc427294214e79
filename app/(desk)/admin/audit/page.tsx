import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { TableScroll } from '@/components/ui/table-scroll';
import type { AuditOutcome } from '@/db/enums';
import { AUDIT_PAGE_SIZE, listAudit } from '@/db/queries/audit';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';

const TONE: Record<AuditOutcome, BadgeTone> = {
  ok: 'success',
  denied: 'danger',
  invalid: 'warning',
  error: 'danger',
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('audit.title') };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string }>;
}) {
  await requireCapability('audit:read');
  const [t, locale] = [await getT(), await getLocale()];
  const before = Number.parseInt((await searchParams).before ?? '', 10);
  const rows = await listAudit(
    getDb(),
    Number.isSafeInteger(before) && before > 0 ? before : undefined,
  );
  const last = rows.at(-1);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('audit.title')}</h1>
        <p className="text-muted-fg">{t('audit.intro')}</p>
      </div>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <TableScroll label={t('audit.title')}>
          <table className="w-full text-sm">
            <thead className="bg-muted">
              <tr>
                {(['at', 'actor', 'action', 'outcome', 'target', 'details'] as const).map((col) => (
                  <th key={col} scope="col" className="px-3 py-2 text-start font-medium">
                    {t(`audit.${col}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-border align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(row.at, locale)}</td>
                  <td className="px-3 py-2">
                    <span className="ltr-isolate">{row.actorEmail ?? t('audit.system')}</span>
                    {row.actorRole ? (
                      <span className="text-muted-fg"> · {t(`roles.${row.actorRole}`)}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
                  <td className="px-3 py-2">
                    <Badge tone={TONE[row.outcome]}>{t(`audit.outcomes.${row.outcome}`)}</Badge>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {row.targetType ? `${row.targetType}:${row.targetId ?? ''}` : '—'}
                  </td>
                  <td className="max-w-md break-words px-3 py-2 font-mono text-xs">
                    {row.details ? JSON.stringify(row.details) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <nav className="flex gap-3 text-sm">
        {before ? (
          <Link href="/admin/audit" className="underline">
            {t('audit.newer')}
          </Link>
        ) : null}
        {rows.length === AUDIT_PAGE_SIZE && last ? (
          <Link href={`/admin/audit?before=${last.id}`} className="underline">
            {t('audit.older')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
