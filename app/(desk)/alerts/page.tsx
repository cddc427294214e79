import type { Metadata } from 'next';
import { z } from 'zod';
import { DataTable } from '@/components/data-table/data-table';
import { KeysetPagination } from '@/components/data-table/pagination';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { ALERT_CONDITIONS, ALERT_STATES } from '@/db/enums';
import {
  ALERTS_PAGE_SIZE,
  alertHistory,
  countOpenAlerts,
  listAlerts,
  markAlertsSeen,
} from '@/db/queries/alerts';
import { alertDetail, alertTitle } from '@/lib/alerts/render';
import { can } from '@/lib/auth/roles';
import { requireCapability } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { enumParam, readParams, type SearchParams } from '@/lib/url-state/params';
import { AcknowledgeButton } from './acknowledge-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('alerts.title') };
}

const FIELDS = {
  state: enumParam(ALERT_STATES),
  condition: enumParam(ALERT_CONDITIONS),
  /** `<opened at>~<id>` of the last alert of the previous page. */
  before: z.string().regex(/^[0-9T:.Z-]{20,30}~[0-9a-f-]{36}$/),
  focus: z.uuid(),
};

function keyOf(before: string) {
  const [at = '', id = ''] = before.split('~');
  return { openedAt: new Date(at), id };
}

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireCapability('alerts:read');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = getDb();
  const filter = readParams(await searchParams, FIELDS).values;
  const seenAt = new Date();
  const [found, open] = await Promise.all([
    listAlerts(db, {
      state: filter.state,
      condition: filter.condition,
      before: filter.before ? keyOf(filter.before) : undefined,
    }),
    countOpenAlerts(db),
    // Opening the page is reading the bell.
    markAlertsSeen(db, user.id, seenAt),
  ]);
  const rows = found.slice(0, ALERTS_PAGE_SIZE);
  const histories = await Promise.all(rows.map((row) => alertHistory(db, row.id)));
  const mayAcknowledge = can(user.role, 'alerts:acknowledge');
  const last = rows.at(-1);
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filter.state) params.set('state', filter.state);
    if (filter.condition) params.set('condition', filter.condition);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const text = params.toString();
    return text ? `/alerts?${text}` : '/alerts';
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('alerts.title')}</h1>
        <p className="text-muted-fg">{t('alerts.intro')}</p>
        <p className="mt-1 font-medium" data-testid="alerts-open-count">
          {t('alerts.openCount', { count: open })}
        </p>
      </div>
      <form
        method="get"
        action="/alerts"
        aria-label={t('alerts.filter.apply')}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3"
      >
        <Field label={t('alerts.filter.state')}>
          <Select name="state" defaultValue={filter.state ?? ''}>
            <option value="">{t('alerts.filter.any')}</option>
            {ALERT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`alerts.state.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('alerts.filter.condition')}>
          <Select name="condition" defaultValue={filter.condition ?? ''}>
            <option value="">{t('alerts.filter.any')}</option>
            {ALERT_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {t(`alerts.conditionName.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <button type="submit" className={buttonClass('primary', 'sm')}>
          {t('alerts.filter.apply')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('alerts.empty')}</p>
      ) : (
        <DataTable
          label={t('alerts.title')}
          testId="alerts-table"
          sortable={false}
          primary
          columns={[
            { id: 'alert', label: t('alerts.column.alert') },
            { id: 'state', label: t('alerts.column.state') },
            { id: 'opened', label: t('alerts.column.opened'), kind: 'datetime' },
            { id: 'resolved', label: t('alerts.column.resolved'), kind: 'datetime' },
            { id: 'reminders', label: t('alerts.column.reminders'), kind: 'number' },
            { id: 'acknowledged', label: t('alerts.column.acknowledged') },
          ]}
          rows={rows.map((row, i) => {
            const title = alertTitle(t, row, locale);
            return {
              id: row.id,
              values: {
                alert: title,
                state: row.state,
                opened: row.openedAt.toISOString(),
                resolved: row.resolvedAt?.toISOString() ?? null,
                reminders: row.reminders,
                acknowledged: row.acknowledgedBy,
              },
              cells: {
                alert: (
                  <details
                    open={filter.focus === row.id}
                    data-testid="alert-row"
                    data-key={row.key}
                    className="max-w-xl"
                  >
                    <summary className="cursor-pointer font-medium">{title}</summary>
                    <p className="mt-1 text-sm">{alertDetail(t, row, locale)}</p>
                    <ol className="mt-2 space-y-0.5 text-xs text-muted-fg">
                      {(histories[i] ?? []).map((h) => (
                        <li key={`${h.kind}-${h.at.toISOString()}`}>
                          {formatDateTime(h.at, locale)} · {t(`alerts.event.${h.kind}`)}
                          {h.actor ? ` · ${h.actor}` : ''}
                        </li>
                      ))}
                    </ol>
                  </details>
                ),
                state: (
                  <Badge tone={row.state === 'open' ? 'danger' : 'success'}>
                    {t(`alerts.state.${row.state}`)}
                  </Badge>
                ),
                acknowledged: row.acknowledgedAt ? (
                  <span data-testid="alert-acknowledged">
                    {t('alerts.acknowledgedBy', {
                      name: row.acknowledgedBy ?? '—',
                      time: formatDateTime(row.acknowledgedAt, locale),
                    })}
                  </span>
                ) : row.state === 'open' && mayAcknowledge ? (
                  <AcknowledgeButton alertId={row.id} title={title} />
                ) : (
                  <span className="text-muted-fg">{t('alerts.notAcknowledged')}</span>
                ),
              },
            };
          })}
        />
      )}
      <KeysetPagination
        label={t('table.pagination')}
        first={filter.before ? query({}) : null}
        next={
          found.length > ALERTS_PAGE_SIZE && last
            ? query({ before: `${last.openedAt.toISOString()}~${last.id}` })
            : null
        }
        labels={{
          first: t('alerts.newest'),
          prev: t('table.previousPage'),
          next: t('alerts.older'),
        }}
      />
    </div>
  );
}
