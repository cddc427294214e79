'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import type { AgeBucket } from '@/lib/orders/escalation';
import { recheckUnknownAction } from './actions';

type Item = {
  id: number;
  topupId: string;
  ref: string | null;
  msisdn: string;
  amount: string;
  age: string;
  bucket: AgeBucket;
  bucketLabel: string;
  nextCheck: string;
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

export function UnknownQueue({ items, canRecheck }: { items: Item[]; canRecheck: boolean }) {
  const t = useT();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const toggle = (id: number) =>
    setSelected((s) => new Set(s.has(id) ? [...s].filter((x) => x !== id) : [...s, id]));
  const all = selected.size === items.length;

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
              startTransition(async () => {
                const result = await recheckUnknownAction({ ids: [...selected] });
                setNotice(
                  result.ok
                    ? { ok: true, text: t('unknown.queued', { count: result.data.queued }) }
                    : { ok: false, text: result.error },
                );
                if (result.ok) setSelected(new Set());
              })
            }
          >
            {pending ? t('unknown.rechecking') : t('unknown.recheck')}
          </Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.ok ? 'success' : 'danger'}>{notice.text}</Alert> : null}
      <ul className="space-y-3" data-testid="unknown-queue">
        {items.map((item) => (
          <li
            key={item.id}
            className="rounded-lg border border-border bg-surface p-4"
            data-testid="unknown-item"
          >
            <div className="flex flex-wrap items-center gap-3">
              {canRecheck ? (
                <input
                  type="checkbox"
                  aria-label={t('unknown.select', { id: item.topupId })}
                  checked={selected.has(item.id)}
                  onChange={() => toggle(item.id)}
                />
              ) : null}
              <Link
                href={`/orders/${item.id}`}
                className="ltr-isolate font-medium text-primary underline"
              >
                {item.msisdn}
              </Link>
              <span className="ltr-isolate">{item.amount}</span>
              <span className="ltr-isolate font-mono text-xs text-muted-fg">
                {item.ref ?? item.topupId}
              </span>
              <Badge tone={TONE[item.bucket]}>{item.bucketLabel}</Badge>
              <span className="text-sm text-muted-fg">
                {t('unknown.age')}: {item.age} · {t('unknown.nextRecheck')}: {item.nextCheck}
              </span>
            </div>
            {item.message ? (
              <p
                dir="rtl"
                lang="ar"
                className="mt-2 rounded-md bg-muted p-2"
                data-testid="unknown-message"
              >
                {item.message}
              </p>
            ) : null}
            {item.gloss ? (
              <p className="mt-1 text-sm text-muted-fg">
                {t('gloss.title')}: {item.gloss}
              </p>
            ) : null}
            {item.pack ? (
              <details className="mt-2">
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
          </li>
        ))}
      </ul>
    </div>
  );
}
