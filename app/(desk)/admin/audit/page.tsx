import type { Metadata } from 'next';
import { DataTable } from '@/components/data-table/data-table';
import { KeysetPagination } from '@/components/data-table/pagination';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { AuditOutcome } from '@/db/enums';
import { AUDIT_PAGE_SIZE, listAudit } from '@/db/queries/audit';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { idCursorParam, readParams, type SearchParams } from '@/lib/url-state/params';

const TONE: Record<AuditOutcome, BadgeTone> = {
  ok: 'success',
  denied: 'danger',
  invalid: 'warning',
  error: 'danger',
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('audit.title') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireCapability('audit:read');
  const t = await getT();
  // Newest first, keyset-paged by id: the desk's one URL parser reads the cursor.
  const { before } = readParams(await searchParams, { before: idCursorParam() }).values;
  const rows = await listAudit(getDb(), before);
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
        <DataTable
          label={t('audit.title')}
          testId="audit-table"
          // The server's order (newest first) is the page's; sorting one page would mislead.
          sortable={false}
          primary
          columns={[
            { id: 'at', label: t('audit.at'), kind: 'datetime' },
            { id: 'actor', label: t('audit.actor') },
            { id: 'action', label: t('audit.action'), mono: true },
            { id: 'outcome', label: t('audit.outcome') },
            { id: 'target', label: t('audit.target'), mono: true },
            { id: 'details', label: t('audit.details'), mono: true },
          ]}
          rows={rows.map((row) => ({
            id: String(row.id),
            values: {
              at: row.at.toISOString(),
              action: row.action,
              target: row.targetType ? `${row.targetType}:${row.targetId ?? ''}` : null,
              details: row.details ? JSON.stringify(row.details) : '',
            },
            cells: {
              actor: (
                <>
                  <span className="ltr-isolate">{row.actorEmail ?? t('audit.system')}</span>
                  {row.actorRole ? (
                    <span className="text-muted-fg"> · {t(`roles.${row.actorRole}`)}</span>
                  ) : null}
                </>
              ),
              outcome: <Badge tone={TONE[row.outcome]}>{t(`audit.outcomes.${row.outcome}`)}</Badge>,
              details: row.details ? (
                <span className="block max-w-md break-words">{JSON.stringify(row.details)}</span>
              ) : (
                ''
              ),
            },
          }))}
        />
      )}
      <KeysetPagination
        label={t('table.pagination')}
        first={before ? '/admin/audit' : null}
        next={rows.length === AUDIT_PAGE_SIZE && last ? `/admin/audit?before=${last.id}` : null}
        labels={{ first: t('audit.newer'), prev: t('table.previousPage'), next: t('audit.older') }}
      />
    </div>
  );
}
