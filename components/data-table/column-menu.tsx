'use client';

import type { ReactTable, RowData } from '@tanstack/react-table';
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

/** The columns a person may hide (meta.hideable), as checkbox items of a dropdown menu. */
export function ColumnMenu<Row extends RowData>({
  table,
}: {
  table: ReactTable<KitFeatures, Row>;
}) {
  const t = useT();
  const columns = table.getAllLeafColumns().filter((c) => c.columnDef.meta?.hideable);
  if (!columns.length) return null;
  const hidden = columns.filter((c) => !c.getIsVisible()).length;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className={buttonClass('secondary', 'sm')} data-testid="column-menu">
        {t('table.columns')}
        <span className="text-xs text-muted-fg">
          ({t('table.hiddenColumns', { count: hidden })})
        </span>
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
