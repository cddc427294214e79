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
  rowPosition: 'Row {index, number} of {total, number}: {label}',
  refundRequest: 'Request',
  empty: 'Nothing to show.',
  pagination: 'Pages',
  firstPage: 'First page',
  previousPage: 'Previous',
  nextPage: 'Next',
} as const;
