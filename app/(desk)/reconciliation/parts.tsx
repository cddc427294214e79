import Link from 'next/link';
import type { ReactNode } from 'react';
import { DataTable, type StaticColumn, type StaticRow } from '@/components/data-table/data-table';
import { StatusBadge } from '@/components/status-badge';
import type { TopupStatus } from '@/db/enums';
import type { Locale, T } from '@/lib/i18n';
import { formatDateTime } from '@/lib/i18n/dates';
import { formatDzd } from '@/lib/i18n/money';

// Small pieces shared by the reconciliation sections. They are plain server components: the
// page formats nothing twice and ships no JavaScript for them.

export type Fmt = {
  t: T;
  money: (amount: string | null | undefined) => string;
  time: (instant: Date | null | undefined) => string;
};

export function makeFmt(t: T, locale: Locale): Fmt {
  return {
    t,
    money: (amount) => formatDzd(amount, locale, t('money.currency')),
    time: (instant) => formatDateTime(instant ?? null, locale),
  };
}

/** On-page list rows are capped; the CSV export carries every row. */
export const SHOWN = 100;

/** Ids, phones and amounts stay left-to-right inside any surrounding text direction. */
export const Ltr = ({ children, mono }: { children: ReactNode; mono?: boolean }) => (
  <span className={`ltr-isolate ${mono ? 'font-mono text-xs' : 'tabular-nums'}`}>{children}</span>
);

export function OrderLink({ id, label }: { id: number; label: string }) {
  return (
    <Link href={`/orders/${id}`} className="text-primary underline underline-offset-2">
      <Ltr mono>{label}</Ltr>
    </Link>
  );
}

export function Status({ fmt, status }: { fmt: Fmt; status: TopupStatus }) {
  return <StatusBadge status={status} label={fmt.t(`status.${status}`)} />;
}

/** A count (linked when a list of those orders exists) and its DZD amount. */
export function Figure({
  fmt,
  count,
  amount,
  href,
}: {
  fmt: Fmt;
  count: number;
  amount: string;
  href?: string;
}) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      {href && count > 0 ? (
        <Link href={href} className="font-medium text-primary underline underline-offset-2">
          <Ltr>{count}</Ltr>
        </Link>
      ) : (
        <Ltr>{count}</Ltr>
      )}
      <span className="text-muted-fg">
        <Ltr>{fmt.money(amount)}</Ltr>
      </span>
    </span>
  );
}

/** A labelled figure tile, for the ledger and balance summaries. */
export function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-3">
      <dt className="text-sm text-muted-fg">{label}</dt>
      <dd className="mt-1 text-lg font-semibold">{children}</dd>
    </div>
  );
}

/** A list of the page, on the kit's table (sortable); says so when empty, and when rows were cut. */
export function ListTable({
  fmt,
  label,
  columns,
  rows,
  total,
  empty,
  testId,
}: {
  fmt: Fmt;
  label: string;
  columns: StaticColumn[];
  rows: StaticRow[];
  total?: number;
  empty: string;
  testId?: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-muted-fg">{empty}</p>;
  const count = total ?? rows.length;
  return (
    <div className="space-y-1">
      <DataTable
        label={fmt.t('reconcile.table', { name: label })}
        columns={columns}
        rows={rows.slice(0, SHOWN)}
        testId={testId}
      />
      {count > SHOWN ? (
        <p className="text-sm text-muted-fg">
          {fmt.t('reconcile.more', { shown: SHOWN, total: count })}
        </p>
      ) : null}
    </div>
  );
}

/** Columns most lists share: the order (its link), the customer's number, an amount, a time. */
export const column = {
  order: (label: string): StaticColumn => ({
    id: 'order',
    label,
    mono: true,
    ltr: true,
    rowHeader: true,
  }),
  phone: (label: string): StaticColumn => ({ id: 'phone', label, ltr: true }),
  amount: (id: string, label: string): StaticColumn => ({ id, label, kind: 'amount', ltr: true }),
  time: (id: string, label: string): StaticColumn => ({ id, label, kind: 'datetime' }),
  text: (id: string, label: string, mono = false): StaticColumn => ({ id, label, mono, ltr: mono }),
};

/** An instant as a sortable value of a `time` column. */
export const iso = (instant: Date | string | null | undefined) =>
  instant ? new Date(instant).toISOString() : null;

/** "2 d 5 h" since an instant: how long a customer has waited. */
export function age(fmt: Fmt, since: Date | null, now: Date): string {
  if (!since) return '—';
  const hours = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 3_600_000));
  return hours < 24
    ? fmt.t('reconcile.ageHours', { h: hours })
    : fmt.t('reconcile.ageDays', { d: Math.floor(hours / 24), h: hours % 24 });
}
