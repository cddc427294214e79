import type { Messages } from '../types';

// Terms used throughout the Arabic catalogue (one word per concept):
//   top-up = تعبئة (feminine: statuses agree with it), order = طلب (masculine);
//   check/verify = تحقّق; settled = محسومة;
//   OneClick's REFUNDED (the amount comes back to OUR balance) = مُسترجَعة / أعادت OneClick المبلغ إلى رصيدنا;
//   our customer refund (the money goes back to the CUSTOMER) = إرجاع المبلغ للعميل;
//   ledger = كشف حساب, ledger row = قيد, credit = قيد دائن, debit = قيد مدين;
//   upstream call = استدعاء (never طلب, which is an order); admin = مشرف النظام.
// Phone numbers, ids, refs and e-mails inside Arabic sentences are wrapped in FSI/PDI
// (\u2068 … \u2069) so they keep their own direction.
export const arDesk: Pick<
  Messages,
  | 'app'
  | 'nav'
  | 'roles'
  | 'auth'
  | 'errors'
  | 'home'
  | 'status'
  | 'order'
  | 'orders'
  | 'sources'
  | 'search'
> = {
  app: {
    name: 'Flexy Desk',
    tagline: 'إدارة مبيعات الفليكسي',
    skipToContent: 'الانتقال إلى المحتوى',
    sandboxBanner: 'وضع تجريبي: المنصة موصولة بمحاكي OneClick المحلي، والأموال ليست حقيقية.',
  },
  nav: {
    main: 'القائمة الرئيسية',
    home: 'الرئيسية',
    users: 'المستخدمون',
    audit: 'سجل التدقيق',
    orders: 'الطلبات',
    unknown: 'أخطاء غير معروفة',
    refunds: 'إرجاع المبالغ',
    reports: 'التقارير',
    reconcile: 'المطابقة',
    track: 'تتبّع تعبئة',
    health: 'حالة المزامنة',
    alerts: 'التنبيهات',
    alertSettings: 'إعدادات التنبيهات',
    search: 'البحث في الطلبات',
    searchPlaceholder: 'الهاتف أو المرجع أو معرّف التعبئة',
    searchHint: 'اضغط / للبحث',
    theme: 'المظهر',
    themeSystem: 'حسب النظام',
    themeLight: 'فاتح',
    themeDark: 'داكن',
    tokens: 'رموز الواجهة البرمجية (API)',
    signOut: 'تسجيل الخروج',
    settings: 'تفضيلاتي',
    signedInAs: 'متصل بحساب \u2068{name}\u2069',
  },
  roles: {
    admin: 'مشرف النظام',
    finance: 'موظف المالية',
    support: 'عون الدعم',
    manager: 'مدير',
  },
  auth: {
    title: 'تسجيل الدخول إلى Flexy Desk',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    submit: 'تسجيل الدخول',
    submitting: 'جارٍ تسجيل الدخول…',
    invalid: 'البريد الإلكتروني أو كلمة المرور خاطئة.',
    locked:
      'محاولات فاشلة كثيرة. هذا الحساب مقفل حاليًا؛ أعد المحاولة لاحقًا أو اطلب من مشرف النظام فتحه.',
    disabled: 'هذا الحساب معطّل. راجع مشرف النظام.',
    sessionEnded: 'انتهت جلستك. يرجى تسجيل الدخول من جديد.',
    required: 'أدخل بريدك الإلكتروني وكلمة المرور.',
    unreachable: 'تعذّر الوصول إلى المكتب. تحقّق من الاتصال وحاول مرة أخرى.',
  },
  errors: {
    forbiddenTitle: 'غير مسموح',
    forbidden: 'دورك ({role}) لا يسمح بهذا الإجراء.',
    forbiddenPage: 'دورك ({role}) لا يسمح بفتح هذه الصفحة.',
    signedOut: 'لقد خرجت من حسابك. سجّل الدخول من جديد للمتابعة.',
    invalidInput: 'بعض الحقول تحتاج إلى مراجعة.',
    unexpected: 'حدث خطأ ما. أبلغ مشرف النظام بالمرجع \u2068{ref}\u2069.',
    backHome: 'العودة إلى الرئيسية',
    notFoundTitle: 'الصفحة غير موجودة',
    notFound: 'لا توجد صفحة بهذا العنوان.',
  },
  home: {
    title: 'مرحبًا، {name}',
  },
  status: {
    PENDING: 'قيد الانتظار',
    HANDLING: 'قيد المعالجة',
    FULFILLED: 'ناجحة',
    REFUNDED: 'مُسترجَعة',
    UNKNOWN_ERROR: 'خطأ غير معروف',
  },
  order: {
    topupId: 'معرّف التعبئة',
    ref: 'المرجع',
    phone: 'الهاتف',
    plan: 'العرض',
    operator: 'المتعامل',
    status: 'الحالة',
    amount: 'المبلغ',
    balanceAmount: 'المخصوم من رصيدنا',
    customerPrice: 'ما دفعه العميل',
    customerRef: 'مرجع العميل',
    source: 'مصدر التسجيل لدينا',
    createdAt: 'تاريخ الإنشاء',
    statusChangedAt: 'تاريخ تغيّر الحالة',
    nextCheckAt: 'التحقّق التالي',
    noFurtherChecks: 'لا تحقّق بعد الآن (الحالة نهائية)',
    firstSeenAt: 'تاريخ التسجيل لدينا',
    finalizedAt: 'تاريخ الحسم',
    lastCheckedAt: 'آخر تحقّق',
    checkCount: 'عدد مرات التحقّق',
    lastError: 'خطأ آخر تحقّق',
    unknownErrorAt: 'خطأ غير معروف منذ',
    followOrder: 'الطلب المحوَّل إليه',
    retryOrder: 'طلب المحاولة الجديدة',
    title: 'الطلب \u2068{ref}\u2069',
    upstreamFields: 'بيانات OneClick',
    ourTimes: 'بياناتنا',
    tellCustomer: 'رسالة للعميل',
    tellCustomerHelp: 'نص OneClick كما ورد. أرسله إلى العميل دون تعديل.',
    copy: 'نسخ الرسالة',
    copied: 'تم النسخ',
    offers: 'عروض تناسب هذا الرقم',
    offersHelp: 'تقترح OneClick هذه العروض بديلًا؛ يمكن للعميل إعادة المحاولة بأحدها.',
    checkNow: 'تحقّق الآن',
    checking: 'جارٍ التحقّق…',
    checkedNow: 'تم التحقّق للتو: {status}.',
    checkTooSoon:
      'جرى التحقّق قبل {seconds, plural, zero {أقل من ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}. انتظر {wait, plural, zero {لحظة} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}} قبل التحقّق من جديد.',
    checkFailed: 'لم تُعطِ OneClick ردًّا صالحًا ({reason})؛ لم تتغيّر الحالة.',
    checkNotFound: 'لم تعد هذه التعبئة موجودة لدى OneClick؛ لم تتغيّر الحالة.',
    timeline: 'سجلّ الأحداث',
    noEvents: 'لا أحداث بعد.',
    payload: 'ردّ OneClick',
    requestId: 'معرّف الاستدعاء',
    by: 'من طرف \u2068{actor}\u2069',
    notes: 'إضافة ملاحظة',
    notePlaceholder: 'ما قاله العميل، وما وعدته به…',
    noteSave: 'حفظ الملاحظة',
    noteSaved: 'تم حفظ الملاحظة.',
    noteTooLong:
      '{max, plural, zero {لا أحرف} one {حرف واحد} two {حرفان} few {# أحرف} many {# حرفًا} other {# حرف}} كحدّ أقصى.',
    customerRefund: 'إرجاع المبلغ للعميل',
    refundNotApplicable: 'لا ينطبق: لم تُعِد OneClick مبلغ هذه التعبئة إلى رصيدنا.',
    refundDue:
      'مبلغ مستحق الإرجاع: أعادت OneClick مبلغ هذه التعبئة إلى رصيدنا، ولم يُرجَع المبلغ للعميل بعد.',
    refundedOn: 'أُرجع المبلغ للعميل في {time}.',
    unknownWarning:
      'لا تُرجِع المبلغ للعميل الآن. لم تحسم OneClick أمر هذه التعبئة بعد، وعادةً ما تحسمه خلال 1 إلى 24 ساعة. التحقّق التالي: {time}.',
    stuck: 'تعبئة عالقة: لا حالة نهائية بعد 5 دقائق.',
    needsReview: 'تغيّرت حالة التعبئة بعد حسمها: على المالية مراجعتها.',
    notFound: 'لا يوجد طلب بهذا المعرّف.',
    events: {
      created: 'أول تسجيل لدينا: {to}',
      status_changed: '{from} ← {to}',
      details_changed: 'تحديث التفاصيل',
      anomaly: 'تغيّر غير معتاد: {from} ← {to}',
      check_error: 'فشل التحقّق',
      note: 'ملاحظة',
      checked: 'تم التحقّق: الحالة لا تزال {to}',
      resend: 'إعادة الإرسال',
    },
  },
  orders: {
    title: 'الطلبات',
    count:
      '{count, plural, zero {لا طلبات} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}}',
    countCapped:
      'أكثر من {count, plural, zero {# طلب} one {طلب واحد} two {طلبين} few {# طلبات} many {# طلبًا} other {# طلب}}',
    ignored: 'تم تجاهل قيم تصفية غير صالحة: {params}.',
    tabs: 'الطلبات حسب الحالة',
    tab: {
      all: 'الكل',
      PENDING: 'قيد الانتظار',
      HANDLING: 'قيد المعالجة',
      FULFILLED: 'ناجحة',
      REFUNDED: 'مُسترجَعة',
      UNKNOWN_ERROR: 'خطأ غير معروف',
      refund_due: 'مستحقة الإرجاع للعميل',
    },
    filters: 'عوامل التصفية',
    from: 'تاريخ الإنشاء: من',
    to: 'تاريخ الإنشاء: إلى',
    operator: 'المتعامل',
    plan: 'رمز العرض',
    minAmount: 'المبلغ الأدنى (دج)',
    maxAmount: 'المبلغ الأقصى (دج)',
    source: 'المصدر',
    any: 'الكل',
    apply: 'تطبيق التصفية',
    reset: 'مسح التصفية',
    phoneFilter: 'طلبات الرقم',
    export: 'تصدير CSV',
    empty: 'لا طلبات تطابق هذه التصفية. امسح بعض عوامل التصفية أو اختر تبويبًا آخر.',
    emptyPhone: 'لا طلبات للرقم \u2068{phone}\u2069. تحقّق من الرقم، أو تتبّع الطلب بمرجعه.',
  },
  sources: {
    'list-sync': 'مزامنة القائمة',
    poll: 'التحقّق الدوري',
    manual: 'المنصة',
    ingest: 'المتجر (API)',
    system: 'النظام',
    resend: 'إعادة الإرسال',
  },
  search: {
    title: 'البحث',
    nothing: 'لا نتائج لـ «\u2068{q}\u2069».',
    nothingHelp:
      'جرّب رقم الهاتف مع \u2068+213\u2069 أو بدونه، أو المرجع كاملًا، أو معرّف التعبئة المكوّن من 24 حرفًا. الطلبات التي لم تسجّلها المنصة قط يمكن جلبها من OneClick عبر «تتبّع».',
    trackIt: 'تتبّع «\u2068{q}\u2069» لدى OneClick',
    empty: 'اكتب رقم هاتف أو مرجعًا أو معرّف تعبئة.',
  },
};
