import { useTable } from '@tanstack/react-table';
import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { catalogues } from '@/lib/i18n';
import { DataTableView } from './data-table-view';
import { kitColumnHelper, kitFeatures } from './meta';

// The kit builds each body cell's context itself (not a TanStack Cell per cell per render):
// whatever a column's cell asks of it must still be there.

type Order = { id: string; ref: string; phone: string; amount: string };
const helper = kitColumnHelper<Order>();
const columns = helper.columns([
  // No cell: TanStack's default renderer shows the value.
  helper.accessor('ref', { header: 'Ref' }),
  helper.accessor('phone', { header: 'Phone', cell: (c) => `tel:${c.getValue()}` }),
  helper.accessor('amount', {
    header: 'Amount',
    meta: { label: 'Amount', ltr: true },
    cell: (c) => `${c.row.original.amount} DZD in ${c.column.id} (${c.cell.id})`,
  }),
]);

function Table({ hidden }: { hidden?: string }) {
  const table = useTable({
    features: kitFeatures,
    columns,
    data: [
      { id: 'a', ref: 'shop-1', phone: '0778037340', amount: '500.00' },
      { id: 'b', ref: 'shop-2', phone: '0661234567', amount: '100.00' },
    ],
    getRowId: (row) => row.id,
    state: { columnVisibility: hidden ? { [hidden]: false } : {} },
  });
  return <DataTableView table={table} label="Orders" />;
}

const render = (hidden?: string) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="en-GB" messages={catalogues.en} timeZone="Africa/Algiers">
      <Table hidden={hidden} />
    </NextIntlClientProvider>,
  );
const bodyCells = (html: string) =>
  [...(html.split('<tbody>')[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);

describe('a kit table body', () => {
  it('renders every visible cell with the value, the row, the column and the cell it names', () => {
    expect(bodyCells(render())).toEqual([
      'shop-1',
      'tel:0778037340',
      '<span class="ltr-isolate">500.00 DZD in amount (a_amount)</span>',
      'shop-2',
      'tel:0661234567',
      '<span class="ltr-isolate">100.00 DZD in amount (b_amount)</span>',
    ]);
  });

  it('leaves out the cells of a hidden column', () => {
    expect(bodyCells(render('phone'))).toEqual([
      'shop-1',
      '<span class="ltr-isolate">500.00 DZD in amount (a_amount)</span>',
      'shop-2',
      '<span class="ltr-isolate">100.00 DZD in amount (b_amount)</span>',
    ]);
  });
});
