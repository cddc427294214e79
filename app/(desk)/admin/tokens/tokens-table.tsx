'use client';

import { type SortingState, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DataTableView } from '@/components/data-table/data-table-view';
import { kitColumnHelper, kitFeatures } from '@/components/data-table/meta';
import { Badge } from '@/components/ui/badge';
import type { ApiScope } from '@/lib/api/scopes';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatDateTime } from '@/lib/i18n/dates';
import { RevokeDialog } from './revoke-dialog';

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdByEmail: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scopes: ApiScope[];
};

const helper = kitColumnHelper<TokenRow>();

export function TokensTable({ rows }: { rows: TokenRow[] }) {
  const t = useT();
  const locale = useLocale();
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          id: 'name',
          header: t('tokens.name'),
          meta: { label: t('tokens.name') },
        }),
        helper.accessor('prefix', {
          id: 'prefix',
          header: t('tokens.prefix'),
          meta: { label: t('tokens.prefix') },
          enableSorting: false,
          cell: (c) => <code className="ltr-isolate font-mono">{c.getValue()}…</code>,
        }),
        helper.accessor((row) => row.scopes.join(','), {
          id: 'scopes',
          header: t('apiAdmin.scopes'),
          meta: { label: t('apiAdmin.scopes') },
          enableSorting: false,
          cell: (c) => (
            <ul
              className="flex flex-wrap gap-1"
              data-testid={`token-scopes-${c.row.original.name}`}
            >
              {c.row.original.scopes.map((scope) => (
                <li key={scope}>
                  <Badge tone={scope === 'refund' ? 'warning' : 'neutral'}>
                    {t(`apiAdmin.scope.${scope}`)}
                  </Badge>
                </li>
              ))}
            </ul>
          ),
        }),
        helper.accessor((row) => row.createdByEmail ?? '', {
          id: 'createdBy',
          header: t('tokens.createdBy'),
          meta: { label: t('tokens.createdBy'), ltr: true },
          cell: (c) => c.row.original.createdByEmail ?? t('tokens.unknownCreator'),
        }),
        helper.accessor('createdAt', {
          id: 'createdAt',
          header: t('tokens.createdAt'),
          meta: { label: t('tokens.createdAt') },
          cell: (c) => formatDateTime(c.getValue(), locale),
        }),
        helper.accessor((row) => row.lastUsedAt ?? '', {
          id: 'lastUsed',
          header: t('tokens.lastUsed'),
          meta: { label: t('tokens.lastUsed') },
          cell: (c) =>
            c.row.original.lastUsedAt
              ? formatDateTime(c.row.original.lastUsedAt, locale)
              : t('tokens.never'),
        }),
        helper.accessor((row) => (row.revokedAt ? 1 : 0), {
          id: 'status',
          header: t('tokens.status'),
          meta: { label: t('tokens.status') },
          cell: (c) =>
            c.row.original.revokedAt ? (
              <span className="space-x-1">
                <Badge tone="danger">{t('tokens.revoked')}</Badge>
                <span className="text-xs text-muted-fg">
                  {formatDateTime(c.row.original.revokedAt, locale)}
                </span>
              </span>
            ) : (
              <Badge tone="success">{t('tokens.active')}</Badge>
            ),
        }),
        helper.display({
          id: 'actions',
          header: t('tokens.actions'),
          meta: { label: t('tokens.actions') },
          cell: (c) =>
            c.row.original.revokedAt ? null : (
              <RevokeDialog tokenId={c.row.original.id} name={c.row.original.name} />
            ),
        }),
      ]),
    [t, locale],
  );
  const table = useTable({
    features: kitFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: setSorting,
  });
  if (rows.length === 0) return <p className="text-muted-fg">{t('tokens.empty')}</p>;
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="sr-only">
        {t('tokens.title')}
      </h2>
      <DataTableView
        table={table}
        label={t('tokens.title')}
        primary
        rowProps={(row) => ({ 'data-testid': `token-row-${row.name}` })}
      />
    </section>
  );
}
