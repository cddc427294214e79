import type { Metadata } from 'next';
import { DataTable } from '@/components/data-table/data-table';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { readState } from '@/db/queries/app-state';
import { syncHealth } from '@/db/queries/health';
import { backingOffDuties, openQuarantine } from '@/db/queries/sync-attention';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { backupConfig } from '@/lib/backup/deps';
import { BACKUP_STATE_KEY, type BackupStatus } from '@/lib/backup/state';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatNumber } from '@/lib/i18n/numbers';
import { getLocale, getT } from '@/lib/i18n/server';
import { DUTIES_PREFIX } from '@/lib/jobs/duties';
import { BACKFILL_KEY, type BackfillState } from '@/lib/sync/list-sync';
import { currentStanding } from '@/lib/sync/upstream';
import { KEY_INFO_KEY, LAST_SUCCESS_KEY, PING_KEY, type PingStatus } from '@/lib/sync/worker-state';
import { CredentialsSection, DutiesSection, QuarantineSection } from './attention';
import { BackfillSection } from './backfill';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('health.title') };
}

export default async function HealthPage() {
  const user = await requireCapability('health:read');
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const now = new Date();
  const canManage = can(user.role, 'sync:manage');
  const [h, standing, quarantine, duties, ping, keyInfo, backfill, lastSuccess, backup] =
    await Promise.all([
      syncHealth(db, now),
      currentStanding(db),
      openQuarantine(db),
      backingOffDuties(db, DUTIES_PREFIX, now),
      readState<PingStatus>(db, PING_KEY),
      readState<{ type: string; scope: string | null }>(db, KEY_INFO_KEY),
      readState<BackfillState>(db, BACKFILL_KEY),
      readState<string>(db, LAST_SUCCESS_KEY),
      readState<BackupStatus>(db, BACKUP_STATE_KEY),
    ]);
  const thisMinute = h.minutes[0];
  /** The embedded database's daily backup; with DATABASE_URL, the database service's job. */
  function backupTile(): [string, string, string?] {
    const config = backupConfig();
    if (!config) return [t('health.backup'), t('health.backupOff'), t('health.backupOffNote')];
    if (!backup?.lastOkAt)
      return [
        t('health.backup'),
        t('health.backupNone'),
        backup?.error ? t('health.backupFailed', { error: backup.error }) : undefined,
      ];
    const note = t('health.backupNote', {
      file: backup.file ?? '—',
      // Whole KiB: the formatter writes integers in the person's digits.
      size: `${formatNumber(Math.ceil((backup.bytes ?? 0) / 1024), locale)} KiB`,
      dir: config.dir,
    });
    return [
      t('health.backup'),
      when(backup.lastOkAt),
      backup.ok ? note : `${t('health.backupFailed', { error: backup.error ?? '—' })} · ${note}`,
    ];
  }
  const num = (n: number) => formatNumber(n, locale);
  const when = (d: Date | string | null) => (d ? formatDateTime(d, locale) : t('health.never'));
  const tiles: [string, string, string?][] = [
    [t('health.lastSuccess'), when(lastSuccess)],
    backupTile(),
    [t('health.callsPerMinute'), num(thisMinute?.calls ?? 0)],
    [t('health.errorsPerMinute'), num(thisMinute?.errors ?? 0)],
    [t('health.inFlight'), num(h.inFlight)],
    [t('health.stuck'), num(h.stuck)],
    [
      t('health.dueBacklog'),
      num(h.due),
      h.oldestDue ? t('health.oldestDue', { time: when(h.oldestDue) }) : undefined,
    ],
    [t('health.unknownBacklog'), num(h.unknown)],
    [t('health.ingestQueue'), num(h.ingestQueue)],
    [t('sync.quarantine.tile'), num(quarantine.total)],
    [
      t('health.keyType'),
      keyInfo ? `${keyInfo.type}${keyInfo.scope ? ` · ${keyInfo.scope}` : ''}` : '—',
    ],
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('health.title')}</h1>
        <p className="text-muted-fg">{t('health.intro')}</p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {tiles.map(([label, value, note]) => (
          <Card key={label} className="p-4">
            <dt className="text-sm text-muted-fg">{label}</dt>
            <dd
              className="mt-1 text-2xl font-semibold tabular-nums"
              data-testid={`health-${label}`}
            >
              {value}
            </dd>
            {note ? <dd className="text-xs text-muted-fg">{note}</dd> : null}
          </Card>
        ))}
      </dl>
      <CredentialsSection standing={standing} canManage={canManage} />
      <QuarantineSection rows={quarantine.rows} total={quarantine.total} canManage={canManage} />
      <DutiesSection duties={duties} />
      <section aria-labelledby="ops" className="space-y-2">
        <h2 id="ops" className="text-lg font-medium">
          {t('health.operators')}
        </h2>
        {!ping ? (
          <p>{t('health.noPing')}</p>
        ) : ping.error ? (
          <Alert tone="warning">{t('health.pingFailed', { error: ping.error })}</Alert>
        ) : (
          <ul className="flex flex-wrap gap-2 text-sm">
            {Object.entries(ping.operators).map(([op, state]) => (
              <li key={op} className="rounded-md border border-border bg-surface px-3 py-1">
                {op}: <strong>{state === 'up' ? t('health.up') : t('health.down')}</strong>
              </li>
            ))}
            <li className="px-1 py-1 text-muted-fg">
              {t('health.pingAt', { time: when(ping.at) })}
            </li>
          </ul>
        )}
      </section>
      <BackfillSection backfill={backfill} t={t} locale={locale} when={when} />
      <section aria-labelledby="minutes" className="space-y-2">
        <h2 id="minutes" className="text-lg font-medium">
          {t('health.minuteTable')}
        </h2>
        <DataTable
          label={t('health.minuteTable')}
          testId="minute-table"
          columns={[
            { id: 'minute', label: t('health.minute'), kind: 'datetime', rowHeader: true },
            ...(['calls', 'errors', 'avgMs'] as const).map((c) => ({
              id: c,
              label: t(`health.${c}`),
              kind: 'number' as const,
              align: 'end' as const,
            })),
          ]}
          rows={h.minutes.map((m) => ({
            id: new Date(m.minute).toISOString(),
            values: {
              minute: new Date(m.minute).toISOString(),
              calls: m.calls,
              errors: m.errors,
              avgMs: m.avgMs,
            },
          }))}
        />
      </section>
    </div>
  );
}
