'use client';

import { Badge } from '@/components/ui/badge';
import { TableScroll } from '@/components/ui/table-scroll';
import type { ApiScope } from '@/lib/api/scopes';
import type { Key } from '@/lib/i18n';
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

const COLUMNS: { id: string; label: Key }[] = [
  { id: 'name', label: 'tokens.name' },
  { id: 'prefix', label: 'tokens.prefix' },
  { id: 'scopes', label: 'apiAdmin.scopes' },
  { id: 'createdBy', label: 'tokens.createdBy' },
  { id: 'createdAt', label: 'tokens.createdAt' },
  { id: 'lastUsed', label: 'tokens.lastUsed' },
  { id: 'status', label: 'tokens.status' },
  { id: 'actions', label: 'tokens.actions' },
];

export function TokensTable({ rows }: { rows: TokenRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <p className="text-muted-fg">{t('tokens.empty')}</p>;
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="sr-only">
        {t('tokens.title')}
      </h2>
      <TableScroll label={t('tokens.title')}>
        <table className="w-full text-sm">
          <thead className="bg-muted">
            <tr>
              {COLUMNS.map((col) => (
                <th key={col.id} scope="col" className="px-3 py-2 text-start font-medium">
                  {t(col.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                className="border-t border-border"
                data-testid={`token-row-${row.name}`}
              >
                <td className="px-3 py-2">{row.name}</td>
                <td className="px-3 py-2">
                  <code className="ltr-isolate font-mono">{row.prefix}…</code>
                </td>
                <td className="px-3 py-2">
                  <ul className="flex flex-wrap gap-1" data-testid={`token-scopes-${row.name}`}>
                    {row.scopes.map((scope) => (
                      <li key={scope}>
                        <Badge tone={scope === 'refund' ? 'warning' : 'neutral'}>
                          {t(`apiAdmin.scope.${scope}`)}
                        </Badge>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-3 py-2">
                  <span className="ltr-isolate">
                    {row.createdByEmail ?? t('tokens.unknownCreator')}
                  </span>
                </td>
                <td className="px-3 py-2">{formatDateTime(row.createdAt, locale)}</td>
                <td className="px-3 py-2">
                  {row.lastUsedAt ? formatDateTime(row.lastUsedAt, locale) : t('tokens.never')}
                </td>
                <td className="px-3 py-2">
                  {row.revokedAt ? (
                    <span className="space-x-1">
                      <Badge tone="danger">{t('tokens.revoked')}</Badge>
                      <span className="text-xs text-muted-fg">
                        {formatDateTime(row.revokedAt, locale)}
                      </span>
                    </span>
                  ) : (
                    <Badge tone="success">{t('tokens.active')}</Badge>
                  )}
                </td>
                <td className="px-3 py-2">
                  {row.revokedAt ? null : <RevokeDialog tokenId={row.id} name={row.name} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
