// Part of the Arabic catalogue (see ./index.ts): the data-table kit (components/data-table/*).
// Counts use Arabic's six plural forms (zero, one, two, few, many, other).
export const arTables = {
  columns: 'الأعمدة',
  columnsMenu: 'إظهار الأعمدة أو إخفاؤها',
  hiddenColumns:
    '{count, plural, =0 {كلها ظاهرة} zero {كلها ظاهرة} one {عمود واحد مخفي} two {عمودان مخفيان} few {# أعمدة مخفية} many {# عمودًا مخفيًا} other {# عمود مخفي}}',
  sortAscending: 'مرتّب تصاعديًا',
  sortDescending: 'مرتّب تنازليًا',
  sortNone: 'غير مرتّب',
  keyboardHint: 'لوحة المفاتيح: j للصف التالي، k للصف السابق، Enter لفتح الصف.',
  rowPosition: 'الصف {index, number} من {total, number}: {label}',
  refundRequest: 'طلب الإرجاع',
  empty: 'لا شيء لعرضه.',
  pagination: 'التنقل بين الصفحات',
  firstPage: 'الصفحة الأولى',
  previousPage: 'السابقة',
  nextPage: 'التالية',
} as const;
