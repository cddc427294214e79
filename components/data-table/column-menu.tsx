'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import type { ColumnMenuPanel } from './column-menu-panel';
import type { KitFeatures } from './meta';

type Panel = typeof ColumnMenuPanel;

/**
 * The columns a person may hide (meta.hideable), as checkbox items of a dropdown menu. The page
 * ships only this button; the menu's code (Radix, ~20 KB) is fetched when the pointer or the
 * focus reaches it, and a click that comes first opens the menu as soon as it has arrived.
 */
export function ColumnMenu<Row extends RowData>({
  table,
}: {
  table: ReactTable<KitFeatures, Row>;
}) {
  const t = useT();
  const placeholder = useRef<HTMLButtonElement>(null);
  const [panel, setPanel] = useState<{ Menu: Panel; open: boolean; focus: boolean } | null>(null);
  const wantOpen = useRef(false);
  const columns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.hideable);
  if (!columns.length) return null;
  const hidden = columns.filter((c) => !c.getIsVisible()).length;
  const label = (
    <>
      {t('table.columns')}
      <span className="text-xs text-muted-fg">({t('table.hiddenColumns', { count: hidden })})</span>
    </>
  );
  if (panel)
    return (
      <panel.Menu table={table} label={label} openAtOnce={panel.open} focusAtOnce={panel.focus} />
    );
  const load = (open: boolean) => {
    if (open) wantOpen.current = true;
    void import('./column-menu-panel').then((m) =>
      setPanel({
        Menu: m.ColumnMenuPanel,
        open: wantOpen.current,
        focus: document.activeElement === placeholder.current,
      }),
    );
  };
  return (
    <button
      ref={placeholder}
      type="button"
      className={buttonClass('secondary', 'sm')}
      data-testid="column-menu"
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => load(false)}
      onFocus={() => load(false)}
      onClick={() => load(true)}
    >
      {label}
    </button>
  );
}
