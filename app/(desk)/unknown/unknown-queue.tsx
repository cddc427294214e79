'use client';

import { type SortingState, useTable } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { CopyButton } from '@/components/copy-button';
import { DataTableView } from '@/components/data-table/data-table-view';
import { kitColumnHelper, kitFeatures } from '@/components/data-table/meta';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { toCents } from '@/lib/money';
import type { AgeBucket } from '@/lib/orders/escalation';
import { recheckUnknownAction } from './actions';

type Item = {
  id: number;
  topupId: string;
  ref: string | null;
  msisdn: string;
  /** Formatted for the person's locale; `amountValue` is the DZD decimal string. */
  amount: string;
  amountValue: string;
  age: string;
  /** Minutes since the order went UNKNOWN_ERROR, for sorting by age. */
  minutes: number;
  bucket: AgeBucket;
  bucketLabel: string;
  nextCheck: string;
  nextCheckAt: string | null;
  message: string | null;
  /** What the Arabic message says, for agents working in French or English. */
  gloss: string | null;
  pack: string | null;
};

const TONE: Record<AgeBucket, BadgeTone> = {
  lt1h: 'neutral',
  '1to12h': 'info',
  '12to24h': 'warning',
  overdue: 'danger',
};

const helper = kitColumnHelper<Item>();

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
      {item.pack ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-danger-fg">
            {t('unknown.escalation')}
          </summary>
          <p className="mt-1 text-sm text-muted-fg">{t('unknown.escalationHelp')}</p>
          <pre
            className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap rounded bg-muted p-2 text-xs"
            dir="ltr"
          >
            {item.pack}
          </pre>
          <CopyButton
            text={item.pack}
            label={t('unknown.copyPack')}
            copiedLabel={t('order.copied')}
          />
        </details>
      ) : null}
    </div>
  );
}

export function UnknownQueue({ items, canRecheck }: { items: Item[]; canRecheck: boolean }) {
  const t = useT();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const { pending, outcome: notice, run } = useAction();
  // Oldest first: the queue is worked from the most overdue order.
  const [sorting, setSorting] = useState<SortingState>([{ id: 'age', desc: true }]);
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
        helper.accessor('amountValue', {
          id: 'amount',
          header: t('order.amount'),
          meta: { label: t('order.amount'), ltr: true },
          sortFn: (a, b) => {
            const [x, y] = [
              toCents(a.original.amountValue) ?? 0n,
              toCents(b.original.amountValue) ?? 0n,
            ];
            return x === y ? 0 : x < y ? -1 : 1;
          },
          cell: (c) => c.row.original.amount,
        }),
        helper.accessor((row) => row.ref ?? row.topupId, {
          id: 'ref',
          header: t('order.ref'),
          meta: { label: t('order.ref'), mono: true, ltr: true },
          enableSorting: false,
        }),
        helper.accessor('minutes', {
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
        helper.accessor((row) => row.nextCheckAt ?? '', {
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
    state: { sorting },
    onSortingChange: setSorting,
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
