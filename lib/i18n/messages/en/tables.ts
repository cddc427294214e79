// Part of the English reference catalogue (see ./index.ts): the data-table kit
// (components/data-table/*). Counts are ICU plurals: pass the number, never a formatted string.
export const enTables = {
  columns: 'Columns',
  columnsMenu: 'Show or hide columns',
  hiddenColumns: '{count, plural, =0 {all shown} one {# hidden} other {# hidden}}',
  sortAscending: 'Sorted ascending',
  sortDescending: 'Sorted descending',
  sortNone: 'Not sorted',
  keyboardHint: 'Keys: j next row, k previous row, Enter opens the row.',
  rowPosition: 'Row {index} of {total}: {label}',
  rows: '{count, plural, one {# row} other {# rows}}',
  refundRequest: 'Request',
  empty: 'Nothing to show.',
  pagination: 'Pages',
  firstPage: 'First page',
  previousPage: 'Previous',
  nextPage: 'Next',
  exportCsv: 'Export CSV',
  orderCount: '{count, plural, one {# order} other {# orders}}',
  orderCountCapped: 'More than {count, plural, one {# order} other {# orders}}',
  refundsDueTotal:
    '{count, plural, =0 {No refunds due} one {# refund due} other {# refunds due}}, {amount} in total',
} as const;
