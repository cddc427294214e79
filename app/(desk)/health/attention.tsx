import { DataTable } from '@/components/data-table/data-table';
import { Alert } from '@/components/ui/alert';
import type { QuarantineRow } from '@/db/queries/sync-attention';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import type { Standing } from '@/lib/sync/credentials';
import { QuarantineControls } from './quarantine-controls';
import { ReenableButton } from './reenable-button';

// The parts of Sync health that may need a person: the API key's standing, list items set
// aside, and background work backing off after errors.

export async function CredentialsSection({
  standing,
  canManage,
}: {
  standing: Standing | null;
  canManage: boolean;
}) {
  const [t, locale] = [await getT(), await getLocale()];
  if (!standing) return null;
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');
  return (
    <section aria-labelledby="credentials" className="space-y-2" data-testid="credentials">
      <h2 id="credentials" className="text-lg font-medium">
        {t('sync.credentials.title')}{' '}
        <span className="font-mono text-sm text-muted-fg">
          {t('sync.credentials.key', { fingerprint: standing.fingerprint.slice(-6) })}
        </span>
      </h2>
      {standing.blockedUntil ? (
        <Alert tone="danger">
          {t('sync.credentials.blocked', { time: when(standing.blockedUntil) })}
        </Alert>
      ) : null}
      {standing.state === 'refused' ? (
        <Alert tone="danger">
          <p>
            {t('sync.credentials.refused', {
              count: standing.refusals,
              time: when(standing.refusedAt),
              error: standing.lastError ?? '—',
            })}
          </p>
          {standing.attemptsLeft !== null ? (
            <p>{t('sync.credentials.attemptsLeft', { count: standing.attemptsLeft })}</p>
          ) : null}
          <p className="mt-1">{t('sync.credentials.fixHelp')}</p>
          {canManage ? (
            <div className="mt-2">
              <ReenableButton />
            </div>
          ) : null}
        </Alert>
      ) : standing.state === 'ok' ? (
        <p>{t('sync.credentials.ok', { time: when(standing.confirmedAt) })}</p>
      ) : (
        <p>{t('sync.credentials.unconfirmed')}</p>
      )}
    </section>
  );
}

export async function QuarantineSection({
  rows,
  total,
  canManage,
}: {
  rows: QuarantineRow[];
  total: number;
  canManage: boolean;
}) {
  const [t, locale] = [await getT(), await getLocale()];
  return (
    <section aria-labelledby="quarantine" className="space-y-2" data-testid="quarantine">
      <h2 id="quarantine" className="text-lg font-medium">
        {t('sync.quarantine.title')} <span className="tabular-nums">({total})</span>
      </h2>
      <p className="text-sm text-muted-fg">{t('sync.quarantine.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('sync.quarantine.none')}</p>
      ) : (
        <DataTable
          label={t('sync.quarantine.title')}
          testId="quarantine-table"
          columns={[
            { id: 'topupId', label: t('sync.quarantine.topupId'), mono: true },
            { id: 'error', label: t('sync.quarantine.error') },
            { id: 'source', label: t('sync.quarantine.source') },
            { id: 'lastSeen', label: t('sync.quarantine.lastSeen'), kind: 'datetime' },
            { id: 'seen', label: t('sync.quarantine.seen'), kind: 'number', align: 'end' },
            { id: 'raw', label: t('sync.quarantine.raw'), sortable: false },
            ...(canManage
              ? [{ id: 'actions', label: t('sync.quarantine.actions'), sortable: false }]
              : []),
          ]}
          rows={rows.map((r) => ({
            id: String(r.id),
            values: {
              topupId: r.topupId,
              error: r.error,
              source: r.source,
              lastSeen: r.lastSeenAt.toISOString(),
              seen: r.seenCount,
            },
            cells: {
              topupId: <span dir="ltr">{r.topupId ?? t('sync.quarantine.noId')}</span>,
              error: (
                <span className="text-xs" dir="ltr">
                  {r.error}
                </span>
              ),
              lastSeen: (
                <span title={formatDateTime(r.firstSeenAt, locale)}>
                  {formatDateTime(r.lastSeenAt, locale)}
                </span>
              ),
              raw: (
                <details>
                  <summary className="cursor-pointer text-primary">
                    {t('sync.quarantine.raw')}
                  </summary>
                  <pre
                    className="max-h-48 max-w-md overflow-auto rounded bg-muted p-2 text-xs"
                    dir="ltr"
                  >
                    {JSON.stringify(r.raw, null, 2)}
                  </pre>
                </details>
              ),
              actions: canManage ? <QuarantineControls id={r.id} /> : null,
            },
          }))}
        />
      )}
    </section>
  );
}

export async function DutiesSection({
  duties,
}: {
  duties: { worker: string; duty: string; failures: number; error: string; retryAt: string }[];
}) {
  const t = await getT();
  return (
    <section aria-labelledby="duties" className="space-y-2" data-testid="duties">
      <h2 id="duties" className="text-lg font-medium">
        {t('sync.duties.title')}
      </h2>
      {duties.length === 0 ? (
        <p>{t('sync.duties.none')}</p>
      ) : (
        <DataTable
          label={t('sync.duties.title')}
          testId="duties-table"
          columns={[
            { id: 'duty', label: t('sync.duties.duty'), mono: true },
            { id: 'failures', label: t('sync.duties.failures'), kind: 'number', align: 'end' },
            { id: 'error', label: t('sync.duties.error') },
            { id: 'retryAt', label: t('sync.duties.retryAt'), kind: 'datetime' },
          ]}
          rows={duties.map((d) => ({
            id: `${d.worker}:${d.duty}`,
            values: { duty: d.duty, failures: d.failures, error: d.error, retryAt: d.retryAt },
            cells: {
              error: (
                <span className="text-xs" dir="ltr">
                  {d.error}
                </span>
              ),
            },
          }))}
        />
      )}
    </section>
  );
}
