// Part of the Arabic catalogue (see ./index.ts): the reports' charts.
export const arCharts = {
  p50: 'الوسيط (p50)',
  p95: 'المئين 95 (p95)',
  seconds: '{value} ثا',
  hours: '{value} سا',
  overAnHour: 'أكثر من ساعة',
  emptyUnknown: 'لم يمرّ أيّ طلب بحالة UNKNOWN_ERROR خلال هذه الفترة.',
  emptyRefunds: 'لم يُسجَّل أيّ إرجاع مبلغ لعميل خلال هذه الفترة.',
  emptyRecovered: 'لم تصل أيّ تعبئة أُعيد إرسالها خلال هذه الفترة.',
  pointHint:
    'انقر على نقطة أو عمود لفتح طلباته. باستعمال لوحة المفاتيح: انتقل إلى الرسم البياني، وتنقّل بين النقاط بمفاتيح الأسهم، ثم اضغط على مفتاح الإدخال (Enter).',
  chartLabel: 'رسم بياني: {title}',
  hoursInAlgeria: 'الساعات بتوقيت الجزائر.',
} as const;
