import type { Messages } from '../types';

// Part of the Arabic catalogue (see ./index.ts): the morning digest emails (lib/digests/render.ts).
export const arDigest: Messages['digest'] = {
  manager: {
    subject: 'ملخّص الإدارة ليوم {date}: نسبة النجاح {rate}، ومتوسط 7 أيام {week}',
    title: 'الملخّص الصباحي للإدارة',
    rates: 'نسبة النجاح أمس، مقارنةً بالأيام السبعة التي سبقته',
    ratesHelp:
      'النسبة هي حصّة الطلبات الناجحة من الطلبات المحسومة (ناجحة أو مُسترجَعة أو بخطأ غير معروف)؛ ولا تدخل الطلبات الجارية في أيّ نسبة.',
    placed:
      '{count, plural, zero {لم يرد أيّ طلب أمس.} one {ورد طلب واحد أمس.} two {ورد طلبان أمس.} few {وردت # طلبات أمس.} many {ورد # طلبًا أمس.} other {ورد # طلب أمس.}}',
    operator: 'المتعامل',
    yesterday: 'أمس',
    week: 'متوسط 7 أيام',
    all: 'كل المتعاملين',
    other: 'أخرى',
    settledOf:
      '{settled, plural, zero {لم يُحسَم أيّ طلب} one {نجح {fulfilled, number} من طلب واحد محسوم} two {نجح {fulfilled, number} من طلبين محسومين} few {نجح {fulfilled, number} من # طلبات محسومة} many {نجح {fulfilled, number} من # طلبًا محسومًا} other {نجح {fulfilled, number} من # طلب محسوم}}',
    unknown: 'الأخطاء غير المعروفة في الانتظار الآن',
    unknownWaiting: 'تنتظر حسم OneClick',
    unknownOldest: 'أطول انتظار',
    unknownOverdue: 'تنتظر منذ 24 ساعة أو أكثر',
    refunds: 'عمليات إرجاع للعملاء سُجّلت أمس',
    refundsCount: 'العدد',
    refundsAmount: 'المبلغ',
    openReports: 'فتح التقارير',
    openUnknown: 'فتح قائمة الأخطاء غير المعروفة',
  },
  finance: {
    subject:
      'ملخّص المالية ليوم {date}: {count, plural, zero {لا مبالغ مستحقّة الإرجاع} one {مبلغ واحد مستحقّ الإرجاع، {amount}} two {مبلغان مستحقّا الإرجاع، {amount}} few {# مبالغ مستحقّة الإرجاع، {amount}} many {# مبلغًا مستحقّ الإرجاع، {amount}} other {# مبلغ مستحقّ الإرجاع، {amount}}}',
    title: 'الملخّص الصباحي للمالية',
    now: 'إرجاع المبالغ للعملاء الآن',
    due: 'مستحقّة للعملاء',
    awaiting: 'بانتظار موافقة موظف ثانٍ',
    reconcile: 'مطابقة الأمس',
    reconcileHelp: 'من سجلّات المنصة وحدها: يُطابَق كشف حساب OneClick مباشرةً في صفحة المطابقة.',
    refunded: 'مُسترجَعة لدى OneClick (REFUNDED)',
    recorded: 'عمليات إرجاع مسجّلة للعملاء',
    missing: 'عمليات إرجاع ناقصة',
    extra: 'عمليات إرجاع زائدة',
    openRefunds: 'فتح المبالغ المستحقة الإرجاع',
    openReconcile: 'فتح المطابقة',
  },
  orders:
    '{count, plural, zero {لا شيء} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}}',
  refunds:
    '{count, plural, zero {لا شيء} one {عملية إرجاع واحدة} two {عمليتا إرجاع} few {# عمليات إرجاع} many {# عملية إرجاع} other {# عملية إرجاع}}',
  pair: '{label}: {value}',
  withNote: '{value} ({note})',
  figure: '{count}، {amount}',
  asOf: 'الأرقام حتى {time} بتوقيت الجزائر.',
  footer: 'يُرسَل كل صباح من Flexy Desk، باللغة المختارة في «تفضيلاتي».',
};
