import type { Messages } from '../types';

// جزء من الكتالوج العربي (انظر ./index.ts): التنبيهات وإشعاراتها (lib/alerts/*).
export const arAlerts: Messages['alerts'] = {
  title: 'التنبيهات',
  intro:
    'ما تراقبه المنصة نيابةً عنك انطلاقًا من سجلاتها: يُفتح التنبيه مرة واحدة حين يتحقّق شرطه، ويُذكّر به ما دام قائمًا، ويُغلق من تلقاء نفسه حين يزول.',
  bell: 'التنبيهات',
  bellUnread:
    '{count, plural, zero {التنبيهات، لا جديد} one {التنبيهات، تنبيه جديد واحد} two {التنبيهات، تنبيهان جديدان} few {التنبيهات، # تنبيهات جديدة} many {التنبيهات، # تنبيهًا جديدًا} other {التنبيهات، # تنبيه جديد}}',
  bellEmpty: 'لا تنبيهات بعد.',
  bellAll: 'كل التنبيهات',
  condition: {
    runway: 'رصيد OneClick سينفد قريبًا',
    unknown_backlog: 'طلبات UNKNOWN_ERROR تنتظر منذ مدة طويلة',
    operator_failures: 'ارتفاع الإخفاقات لدى {operator}',
    sync_stalled: 'المزامنة متوقفة',
    credentials: 'OneClick ترفض استدعاءاتنا',
    webhook_failing: 'إشعارات إرجاع المبالغ لا تصل',
    reconciliation: 'عمليات إرجاع الأمس غير متطابقة',
    ingest_waiting: 'تسجيلات المتجر في الانتظار',
    backup_failed: 'النسخ الاحتياطية تفشل',
  },
  conditionName: {
    runway: 'مدة كفاية الرصيد',
    unknown_backlog: 'تراكم طلبات UNKNOWN_ERROR',
    operator_failures: 'نسبة إخفاق المتعامل',
    sync_stalled: 'توقف المزامنة',
    credentials: 'مفتاح مرفوض أو عنوان IP محظور',
    webhook_failing: 'تعثّر إشعار إرجاع المبالغ (webhook)',
    reconciliation: 'مطابقة الأمس',
    ingest_waiting: 'تسجيلات المتجر المنتظرة',
    backup_failed: 'النسخ الاحتياطية لقاعدة البيانات',
  },
  detail: {
    runway:
      'يكفي رصيد OneClick البالغ {balance} لنحو {hours} سا بوتيرة إنفاق آخر 3 ساعات (ينطلق التنبيه تحت {threshold} سا). اشحن الرصيد قبل أن ينفد.',
    unknown_backlog:
      'الطلبات العالقة في حالة UNKNOWN_ERROR منذ أكثر من {threshold} سا: {count, plural, zero {لا شيء} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}}، أقدمها منذ {oldest}. أرسل ملف التصعيد إلى دعم OneClick؛ ولا تُرجِع مبالغها للعملاء.',
    operator_failures:
      '{operator}: فشل {failed} من أصل {settled} من الطلبات المحسومة خلال آخر {windowMinutes} دقيقة ({rate})، مقابل {baseline} في هذه الساعة خلال الأيام السبعة الأخيرة (ينطلق التنبيه عند {factor}×).',
    sync_stalled:
      'لا ردّ من OneClick منذ أكثر من {threshold} دقيقة، والطلبات الجارية: {inFlight, plural, zero {لا شيء} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}}. آخر ردّ: {lastSuccess}.',
    credentials:
      '{problem, select, ip_blocked {تحظر OneClick عنوان IP لهذا الخادم حتى {until}.} other {ترفض OneClick مفتاح API: أُوقفت كل الاستدعاءات نحو OneClick إلى أن يعيد مشرف النظام تفعيلها في صفحة «حالة المزامنة».}} {error}',
    webhook_failing:
      'إشعارات إرجاع المبالغ التي لم تصل إلى نظام المتجر منذ أكثر من {threshold} دقيقة: {count, plural, zero {لا شيء} one {إشعار واحد} two {إشعاران} few {# إشعارات} many {# إشعارًا} other {# إشعار}}، أقدمها منذ {oldest}. آخر خطأ: {lastError}.',
    reconciliation:
      '{day}: طلبات مُسترجَعة لدى OneClick دون إرجاع المبلغ للعميل: {missing, plural, zero {لا شيء} one {طلب واحد} two {طلبان} few {# طلبات} many {# طلبًا} other {# طلب}} ({missingAmount})؛ عمليات إرجاع للعملاء مسجّلة على طلبات ليست مُسترجَعة (REFUNDED): {extra, plural, zero {لا شيء} one {عملية واحدة} two {عمليتان} few {# عمليات} many {# عملية} other {# عملية}} ({extraAmount}).',
    ingest_waiting:
      'تسجيلات الطلبات التي تنتظر منذ أكثر من {threshold} دقيقة: {count, plural, zero {لا شيء} one {تسجيل واحد} two {تسجيلان} few {# تسجيلات} many {# تسجيلًا} other {# تسجيل}}، أقدمها منذ {oldest}. آخر خطأ: {lastError}.',
    backup_failed:
      '{problem, select, stale {لم تنجح أي نسخة احتياطية منذ أكثر من {threshold} سا (آخر نسخة سليمة: {lastOk}).} other {فشلت آخر نسخة احتياطية: {error}. آخر نسخة سليمة: {lastOk}.}} تحقّق من مساحة القرص ومن حالة المزامنة؛ الأمر `npm run db:backup` يعيد المحاولة.',
  },
  notice: {
    opened: 'تنبيه: {title}',
    reminded: 'لا يزال مفتوحًا: {title}',
    resolved: 'أُغلق: {title}',
    openedLine: 'فُتح في {at}.',
    remindedLine: 'التذكير رقم {n}: مفتوح منذ {at}.',
    resolvedLine: 'لم يعد الشرط قائمًا: أُغلق التنبيه في {at}، بعد {duration} من فتحه.',
    acknowledgedLine: 'تولّاه \u2068{name}\u2069 في {at}.',
    link: 'فتح صفحة التنبيهات',
    footer:
      'مُرسَل من Flexy Desk. يغيّر مشرفو النظام حدود التنبيه وقنواته في صفحة «إعدادات التنبيهات».',
    testSubject: 'رسالة تجريبية من Flexy Desk',
    testBody:
      'هذه رسالة تجريبية لقناة {channel}، طلبها \u2068{name}\u2069. إن كنت تقرأ هذا، فالتنبيهات تصلك هنا.',
  },
  state: { open: 'مفتوح', resolved: 'مُغلق' },
  column: {
    alert: 'التنبيه',
    state: 'الحالة',
    opened: 'فُتح في',
    resolved: 'أُغلق في',
    reminders: 'التذكيرات',
    acknowledged: 'تولّاه',
  },
  filter: {
    state: 'الحالة',
    condition: 'الشرط',
    any: 'الكل',
    apply: 'تصفية',
  },
  empty: 'لا تنبيهات مطابقة. تتحقّق المنصة من كل شرط كل 15 ثانية.',
  openCount:
    '{count, plural, =0 {لا شيء مفتوح.} zero {لا شيء مفتوح.} one {تنبيه واحد مفتوح.} two {تنبيهان مفتوحان.} few {# تنبيهات مفتوحة.} many {# تنبيهًا مفتوحًا.} other {# تنبيه مفتوح.}}',
  acknowledge: 'تولّي التنبيه',
  acknowledging: 'جارٍ التسجيل…',
  acknowledgedBy: '\u2068{name}\u2069، {time}',
  notAcknowledged: 'لم يتولّه أحد بعد',
  acknowledgedToast: 'سُجّل أنك تتولّى التنبيه: يرى الجميع مَن يتابع الأمر.',
  alreadyAcknowledged: 'سبق أن تولّاه \u2068{name}\u2069 في {time}.',
  notOpen: 'هذا التنبيه مُغلق: لا شيء لتتولّاه.',
  notFound: 'لا يوجد تنبيه بهذا المعرّف.',
  older: 'التنبيهات الأقدم',
  newest: 'أحدث التنبيهات',
  event: {
    opened: 'فُتح',
    reminded: 'أُرسل تذكير',
    resolved: 'أُغلق تلقائيًا',
    acknowledged: 'تولّاه أحدهم',
  },
  settings: {
    title: 'إعدادات التنبيهات',
    intro:
      'حدود كل شرط، والوجهات التي تُرسَل إليها التنبيهات إضافةً إلى الجرس. تُرسَل الملخّصات الصباحية بالبريد الإلكتروني على الساعة 08:00 بتوقيت الجزائر إلى المديرين وموظفي المالية.',
    conditions: 'الشروط',
    enabled: 'مفعّل',
    save: 'حفظ',
    saving: 'جارٍ الحفظ…',
    saved: 'تم الحفظ.',
    defaults: 'القيمة الافتراضية: {value}',
    param: {
      hours: 'الساعات',
      minutes: 'الدقائق',
      factor: 'أضعاف المعدّل المعتاد',
      minOrders: 'أدنى عدد من الطلبات المحسومة',
      windowMinutes: 'النافذة الزمنية (بالدقائق)',
      floorRate: 'أدنى معدّل معتاد (0–1)',
    },
    noParams: 'لا حدّ هنا: الشرط إما قائم وإما لا.',
    channels: 'القنوات',
    backlog:
      '{pending, plural, =0 {لا رسالة تنتظر الإرسال.} zero {لا رسالة تنتظر الإرسال} one {رسالة واحدة تنتظر الإرسال} two {رسالتان تنتظران الإرسال} few {# رسائل تنتظر الإرسال} many {# رسالة تنتظر الإرسال} other {# رسالة تنتظر الإرسال}}{failing, plural, =0 {} zero {} one {، منها واحدة متعثّرة} two {، منها اثنتان متعثّرتان} few {، منها # متعثّرة} many {، منها # متعثّرة} other {، منها # متعثّرة}}. {gaveUp, plural, =0 {لم يُتخلَّ عن أي رسالة خلال اليوم الأخير.} zero {لم يُتخلَّ عن أي رسالة خلال اليوم الأخير.} one {تُخلّي عن رسالة واحدة خلال اليوم الأخير بعد 10 محاولات.} two {تُخلّي عن رسالتين خلال اليوم الأخير بعد 10 محاولات.} few {تُخلّي عن # رسائل خلال اليوم الأخير بعد 10 محاولات.} many {تُخلّي عن # رسالة خلال اليوم الأخير بعد 10 محاولات.} other {تُخلّي عن # رسالة خلال اليوم الأخير بعد 10 محاولات.}}',
    bellNote: 'الجرس: يرى كل مدير وموظف مالية ومشرف نظام متصل التنبيهاتِ في المنصة.',
    email: 'البريد الإلكتروني',
    emailRoles: 'إرسال التنبيهات إلى',
    emailNoSmtp:
      'البريد الإلكتروني معطّل: عيّن SMTP_URL في تهيئة الخادم (\u2068smtp://user:password@host:587\u2069) وأعد التشغيل.',
    emailFrom: 'يُرسَل عبر SMTP من \u2068{from}\u2069.',
    webhook: 'إشعار ويب (webhook)',
    webhookUrl: 'رابط إشعار الويب الوارد (incoming webhook)',
    webhookHelp:
      'استدعاء POST بصيغة JSON فيه حقل `text` تقبله إشعارات الويب الواردة على طريقة Slack وTeams وTelegram، وموقَّع مثل إشعار إرجاع المبالغ (X-Flexy-Signature).',
    webhookLocale: 'لغة رسائل إشعار الويب',
    webhookSecret: 'سرّ التوقيع',
    webhookSecretHelp: 'تحقّق من X-Flexy-Signature بهذا السرّ. حفظ رابط جديد لا يغيّره.',
    sendTest: 'إرسال رسالة تجريبية',
    testQueued: 'أُدرجت الرسالة التجريبية للإرسال: تخرج خلال ثوانٍ، وتظهر نتيجتها أدناه.',
    lastTest: 'آخر رسالة تجريبية: {result}',
    testSent: 'أُرسلت في {time}',
    testFailed: 'فشلت في {time}: {error}',
    testPending: 'في انتظار الإرسال',
  },
  invalid: {
    url: 'يجب أن يكون رابط إشعار الويب عنوان http(s) دون user:password@.',
    number: 'يجب أن يكون {field} رقمًا ضمن المجال المسموح.',
    roles: 'اختر أدوارًا من القائمة.',
    channel: 'قناة غير معروفة.',
    noSmtp: 'البريد الإلكتروني غير مُعدّ: عيّن SMTP_URL أولًا.',
    noWebhook: 'احفظ رابط إشعار الويب أولًا.',
  },
  digest: {
    sentAt: 'الملخّصات الصباحية: آخر إرسال عن يوم {day}.',
    none: 'الملخّصات الصباحية: لم يُرسَل أي ملخّص بعد.',
  },
};
