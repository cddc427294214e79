// Part of the Arabic catalogue (see ./index.ts): the component kit's own words.
export const arKit = {
  close: 'إغلاق',
  cancel: 'إلغاء',
  dismiss: 'إخفاء الإشعار',
  toastLabel: 'إشعار',
  toastRegion: 'الإشعارات ({hotkey})',
  copy: 'نسخ',
  copied: 'تم النسخ',
  copiedAnnounce: 'تم النسخ إلى الحافظة.',
  copyFailed: 'رفض المتصفح النسخ: النص محدَّد، اضغط Ctrl+C.',
  secret: {
    notAgain: 'يُعرض هذا مرة واحدة فقط: انسخه الآن واحفظه في مكان آمن.',
    notAgainMany: 'تُعرض هذه الرموز مرة واحدة فقط: انسخها الآن واحفظها في مكان آمن.',
    tokenTitle: 'أُنشئ الرمز «{name}»',
    tokenHelp: 'أرسله إلى المتجر عبر قناة خاصة: لا يحتفظ المكتب إلا ببصمته، لا بالرمز نفسه.',
    passwordTitle: 'كلمة مرور مؤقتة لـ {email}',
    passwordHelp: 'سلّمها إلى صاحبها يدًا بيد: سيختار كلمة مروره بنفسه عند أول دخول.',
    recoveryHelp:
      'كل رمز يتيح لك الدخول مرة واحدة إذا فقدت هاتفك. احفظ الرموز في مكان آمن، لا على الهاتف.',
  },
  confirm: {
    disableTitle: 'تعطيل {email}؟',
    disableBody: 'تتوقف جلساته المفتوحة فورًا. يمكنك إعادة تفعيل الحساب لاحقًا.',
    resetTitle: 'إعادة ضبط الدخول بخطوتين لـ {email}؟',
  },
  tokenRevoked: 'أُبطل الرمز «{name}».',
} as const;
