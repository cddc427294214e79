'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
import { type ReactNode, useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useT } from '@/lib/i18n/client';
import type { KitFeatures } from './meta';

/**
 * The column menu on Radix (arrow keys, typeahead, Escape, menuitemcheckbox roles), fetched by
 * ./column-menu.tsx when a person first reaches for the menu. It replaces the placeholder
 * button in place: same look, same name, and the focus if the placeholder had it.
 */
export function ColumnMenuPanel<Row extends RowData>({
  table,
  label,
  openAtOnce,
  focusAtOnce,
}: {
  table: ReactTable<KitFeatures, Row>;
  label: ReactNode;
  openAtOnce: boolean;
  focusAtOnce: boolean;
}) {
  const t = useT();
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAtOnce && !openAtOnce) trigger.current?.focus();
  }, [focusAtOnce, openAtOnce]);
  const columns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.hideable);
  return (
    <DropdownMenu defaultOpen={openAtOnce}>
      <DropdownMenuTrigger
        ref={trigger}
        className={buttonClass('secondary', 'sm')}
        data-testid="column-menu"
      >
        {label}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>{t('table.columnsMenu')}</DropdownMenuLabel>
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={column.getIsVisible()}
            // Keep the menu open: a person often hides several columns in a row.
            onSelect={(event) => event.preventDefault()}
            onCheckedChange={(checked) => column.toggleVisibility(checked === true)}
          >
            {column.columnDef.meta?.label ?? column.id}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
