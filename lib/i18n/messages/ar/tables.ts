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
  rowPosition: 'الصف {index} من {total}: {label}',
  rows: '{count, plural, zero {لا صفوف} one {صف واحد} two {صفّان} few {# صفوف} many {# صفًّا} other {# صف}}',
  refundRequest: 'طلب الإرجاع',
  empty: 'لا شيء لعرضه.',
  pagination: 'التنقل بين الصفحات',
  firstPage: 'الصفحة الأولى',
  previousPage: 'السابقة',
  nextPage: 'التالية',
  exportCsv: 'تصدير CSV',
  orderCount:
    '{count, plural, zero {لا طلبات} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}}',
  orderCountCapped:
    'أكثر من {count, plural, zero {0 طلب} one {طلب واحد} two {طلبين} few {# طلبات} many {# طلبًا} other {# طلب}}',
  refundsDueTotal:
    '{count, plural, zero {لا توجد عمليات إرجاع مستحقة} one {عملية إرجاع واحدة مستحقة} two {عمليتا إرجاع مستحقتان} few {# عمليات إرجاع مستحقة} many {# عملية إرجاع مستحقة} other {# عملية إرجاع مستحقة}}، بمجموع {amount}',
} as const;
