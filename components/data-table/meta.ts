import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';

// What a column says about itself, for the kit to act on: its label (menus, CSV headers), whether
// a person may hide it, how it is filtered and how its cells are set. Pages define columns with
// this `meta`; the filter form, the column menu and the cell styles read it.

export type FilterOption = { value: string; label: string };
/** One URL parameter a filter writes (lib/url-state/params.ts reads it back on the server). */
export type FilterParam = { param: string; label: string; placeholder?: string };

export type FilterMeta =
  | ({ kind: 'select'; options: FilterOption[]; anyLabel: string } & FilterParam)
  | ({ kind: 'text' } & FilterParam)
  /** A range: two parameters (min/max amounts; from/to days or Algiers minutes). */
  | { kind: 'amount' | 'day'; from: FilterParam; to: FilterParam };

export type DataColumnMeta = {
  label: string;
  /** Offered in the column menu. */
  hideable?: boolean;
  filter?: FilterMeta;
  /** Numbers and amounts line up at the end (the right in French, the left in Arabic). */
  align?: 'start' | 'end';
  /** Ids, refs, codes: monospace. */
  mono?: boolean;
  /** Phones, ids and amounts stay left-to-right inside Arabic. */
  ltr?: boolean;
  /** The cell names the row (a `<th scope="row">`). */
  rowHeader?: boolean;
};

/** The features every kit table has: sorting (client or manual) and column visibility. */
export const kitFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    basic: sortFn_basic,
    datetime: sortFn_datetime,
    text: sortFn_text,
  },
  columnMeta: {} as DataColumnMeta,
});
export type KitFeatures = typeof kitFeatures;

export const kitColumnHelper = <Row extends RowData>() => createColumnHelper<KitFeatures, Row>();

/** The filters a page's columns declare, in column order. */
export function filtersOf(metas: (DataColumnMeta | undefined)[]): FilterMeta[] {
  return metas.flatMap((m) => (m?.filter ? [m.filter] : []));
}
