'use client';

import { useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { DataTableView } from '@/components/data-table/data-table-view';
import { kitColumnHelper, kitFeatures } from '@/components/data-table/meta';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { StatusLine, useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import type { AgeBucket } from '@/lib/orders/escalation';
import { escalationPackAction, recheckUnknownAction } from './actions';

type Item = {
  id: number;
  topupId: string;
  ref: string | null;
  msisdn: string;
  /** Formatted for the person's locale. */
  amount: string;
  age: string;
  bucket: AgeBucket;
  bucketLabel: string;
  nextCheck: string;
  message: string | null;
  /** What the Arabic message says, for agents working in French or English. */
  gloss: string | null;
  /** Over 24 h: the row offers an escalation pack, fetched when opened. */
  overdue: boolean;
};

const TONE: Record<AgeBucket, BadgeTone> = {
  lt1h: 'neutral',
  '1to12h': 'info',
  '12to24h': 'warning',
  overdue: 'danger',
};

const helper = kitColumnHelper<Item>();

/** The pack is built on the server when a person opens it (escalationPackAction). */
function EscalationPack({ id }: { id: number }) {
  const t = useT();
  const [pack, setPack] = useState<string | null>(null);
  const { pending, outcome, run } = useAction();
  const load = () => {
    if (pack !== null || pending) return;
    run(() => escalationPackAction({ id }), {
      refresh: false,
      onSuccess: (data) => setPack(data.pack),
    });
  };
  return (
    <details
      onToggle={(event) => {
        if (event.currentTarget.open) load();
      }}
    >
      <summary className="cursor-pointer text-sm font-medium text-danger-fg">
        {t('unknown.escalation')}
      </summary>
      <p className="mt-1 text-sm text-muted-fg">{t('unknown.escalationHelp')}</p>
      {pack !== null ? (
        <>
          <pre
            className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-muted p-2 text-xs"
            dir="ltr"
          >
            {pack}
          </pre>
          <CopyButton text={pack} label={t('unknown.copyPack')} copiedLabel={t('order.copied')} />
        </>
      ) : pending ? (
        <p className="mt-2 text-sm text-muted-fg">{t('unknown.loadingPack')}</p>
      ) : null}
      {outcome ? <StatusLine outcome={outcome} small /> : null}
    </details>
  );
}

function Details({ item }: { item: Item }) {
  const t = useT();
  return (
    <div className="min-w-64 max-w-xl space-y-1 whitespace-normal">
      {item.message ? (
        <p dir="rtl" lang="ar" className="rounded-md bg-muted p-2" data-testid="unknown-message">
          {item.message}
        </p>
      ) : null}
      {item.gloss ? (
        <p className="text-sm text-muted-fg">
          {t('gloss.title')}: {item.gloss}
        </p>
      ) : null}
      {item.overdue ? <EscalationPack id={item.id} /> : null}
    </div>
  );
}

export function UnknownQueue({ items, canRecheck }: { items: Item[]; canRecheck: boolean }) {
  const t = useT();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { pending, outcome: notice, run } = useAction();
  const all = selected.size === items.length;

  const columns = useMemo(
    () =>
      helper.columns([
        ...(canRecheck
          ? [
              helper.display({
                id: 'select',
                header: () => <span className="sr-only">{t('unknown.selectAll')}</span>,
                meta: { label: t('unknown.selectAll') },
                cell: (c) => (
                  <input
                    type="checkbox"
                    aria-label={t('unknown.select', { id: c.row.original.topupId })}
                    checked={selected.has(c.row.original.id)}
                    onChange={() => {
                      const id = c.row.original.id;
                      setSelected(
                        (s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]),
                      );
                    }}
                  />
                ),
              }),
            ]
          : []),
        helper.accessor('msisdn', {
          id: 'phone',
          header: t('order.phone'),
          meta: { label: t('order.phone'), ltr: true },
          cell: (c) => (
            <Link
              href={`/orders/${c.row.original.id}`}
              data-primary=""
              className="font-medium text-primary underline"
            >
              {c.getValue()}
            </Link>
          ),
        }),
        helper.accessor('amount', {
          id: 'amount',
          header: t('order.amount'),
          meta: { label: t('order.amount'), ltr: true },
          cell: (c) => c.row.original.amount,
        }),
        helper.accessor((row) => row.ref ?? row.topupId, {
          id: 'ref',
          header: t('order.ref'),
          meta: { label: t('order.ref'), mono: true, ltr: true },
        }),
        helper.accessor('age', {
          id: 'age',
          header: t('unknown.age'),
          meta: { label: t('unknown.age') },
          cell: (c) => (
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={TONE[c.row.original.bucket]}>{c.row.original.bucketLabel}</Badge>
              <span className="whitespace-nowrap text-sm">{c.row.original.age}</span>
            </span>
          ),
        }),
        helper.accessor('nextCheck', {
          id: 'nextCheck',
          header: t('unknown.nextRecheck'),
          meta: { label: t('unknown.nextRecheck') },
          cell: (c) => <span className="whitespace-nowrap">{c.row.original.nextCheck}</span>,
        }),
        helper.display({
          id: 'details',
          header: t('unknown.message'),
          meta: { label: t('unknown.message') },
          cell: (c) => <Details item={c.row.original} />,
        }),
      ]),
    [t, canRecheck, selected],
  );

  const table = useTable({
    features: kitFeatures,
    columns,
    data: items,
    getRowId: (row) => String(row.id),
    // The server orders the queue, longest-waiting first, a page at a time (keyset).
    defaultColumn: { enableSorting: false },
  });

  return (
    <div className="space-y-3">
      {canRecheck ? (
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={all}
              onChange={() => setSelected(all ? new Set() : new Set(items.map((i) => i.id)))}
            />
            {t('unknown.selectAll')}
          </label>
          <Button
            size="sm"
            disabled={pending || selected.size === 0}
            onClick={() =>
              run(() => recheckUnknownAction({ ids: [...selected] }), {
                success: (data) => t('unknown.queued', { count: data.queued }),
                onSuccess: () => setSelected(new Set()),
              })
            }
          >
            {pending ? t('unknown.rechecking') : t('unknown.recheck')}
          </Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.ok ? 'success' : 'danger'}>{notice.text}</Alert> : null}
      <DataTableView
        table={table}
        label={t('unknown.title')}
        testId="unknown-queue"
        primary
        rowProps={(row) => ({ 'data-testid': 'unknown-item', 'data-order-id': row.id })}
      />
    </div>
  );
}
