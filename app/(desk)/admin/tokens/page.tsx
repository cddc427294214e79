import type { Metadata } from 'next';
import { listTokens } from '@/db/queries/api-tokens';
import { normalizeScopes } from '@/lib/api/scopes';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { CreateTokenForm } from './create-token-form';
import { TokensTable } from './tokens-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('tokens.title') };
}

export default async function TokensPage() {
  await requireCapability('tokens:manage');
  const t = await getT();
  const rows = await listTokens(getDb());
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t('tokens.title')}</h1>
        <p className="text-muted-fg">{t('tokens.intro')}</p>
        <p className="text-sm text-muted-fg">
          <a className="underline ltr-isolate" href="/api/v1/openapi.json">
            {t('tokens.docs')}
          </a>
        </p>
      </div>
      <CreateTokenForm />
      <TokensTable
        rows={rows.map((row) => ({
          id: row.id,
          name: row.name,
          prefix: row.prefix,
          createdByEmail: row.createdByEmail,
          createdAt: row.createdAt.toISOString(),
          lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
          revokedAt: row.revokedAt?.toISOString() ?? null,
          scopes: normalizeScopes(row.scopes),
        }))}
      />
    </div>
  );
}
