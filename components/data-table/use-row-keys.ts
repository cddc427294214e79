'use client';

import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '@/lib/i18n/client';
import { formatNumber } from '@/lib/i18n/numbers';
import { keyTargetOf, rowKeyAction } from './keyboard';

const ROOT = '[data-kit-table]';
const ROW = 'tbody > tr[data-kit-row]';

/** The row's primary link: the one marked `data-primary`, else its first link. */
export function primaryLink(row: Element | null | undefined): HTMLAnchorElement | null {
  return row?.querySelector('a[data-primary]') ?? row?.querySelector('a[href]') ?? null;
}

/**
 * Roving focus over a table's rows with j / k, Enter opening the row's link. A table handles
 * keys typed inside it; the page's `primary` table also takes them when the focus is on no
 * table (so j works as soon as the page opens). The moves are announced through `announcement`,
 * shown in a polite live region.
 */
export function useRowKeys(root: RefObject<HTMLElement | null>, count: number, primary: boolean) {
  const t = useT();
  const locale = useLocale();
  const [active, setActive] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const focusRow = useCallback(
    (index: number) => {
      const row = root.current?.querySelectorAll<HTMLElement>(ROW)[index];
      if (!row) return;
      setActive(index);
      row.focus({ preventScroll: true });
      row.scrollIntoView?.({ block: 'nearest' });
      const label = primaryLink(row)?.textContent?.trim() || row.textContent?.trim().slice(0, 60);
      setAnnouncement(
        t('table.rowPosition', {
          index: formatNumber(index + 1, locale),
          total: formatNumber(count, locale),
          label: label ?? '',
        }),
      );
    },
    [root, count, t, locale],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !root.current) return;
      const target = event.target instanceof Element ? event.target : null;
      const inside = target ? root.current.contains(target) : false;
      if (!inside && !(primary && !target?.closest(ROOT))) return;
      const action = rowKeyAction(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          target: keyTargetOf(target),
        },
        active,
        count,
      );
      if (!action) return;
      event.preventDefault();
      if (action.type === 'move') focusRow(action.index);
      else primaryLink(root.current.querySelectorAll(ROW)[action.index])?.click();
    };
    document.addEventListener('keydown', onKey);
    // j / k work from now on (keys pressed before the scripts ran did nothing): said on the
    // table, for tests to wait for.
    const el = root.current;
    el?.setAttribute('data-keys', 'on');
    return () => {
      document.removeEventListener('keydown', onKey);
      el?.removeAttribute('data-keys');
    };
  }, [root, active, count, primary, focusRow]);

  // Rows change with sorting or a new page: keep the index within the list.
  useEffect(() => {
    if (active !== null && active >= count) setActive(count ? count - 1 : null);
  }, [active, count]);

  return { active, setActive, announcement };
}
