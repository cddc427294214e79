'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useT } from '@/lib/i18n/client';
import { LANGUAGES, type Language, type Locale, languageOf } from '@/lib/i18n/locales';
import { saveLocale } from './actions';

export function PreferencesForm({ locale }: { locale: Locale }) {
  const t = useT();
  const router = useRouter();
  const [language, setLanguage] = useState<Language>(languageOf(locale));
  const [digits, setDigits] = useState<'latn' | 'arab'>(locale === 'ar-arab' ? 'arab' : 'latn');
  const [pending, startTransition] = useTransition();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <form
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const next: Locale = language === 'ar' && digits === 'arab' ? 'ar-arab' : language;
        startTransition(async () => {
          const result = await saveLocale({ locale: next });
          setSaved(result.ok ? t('settings.saved') : result.error);
          router.refresh();
        });
      }}
    >
      <Field id="pref-language" label={t('settings.language')}>
        <Select
          id="pref-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      {language === 'ar' ? (
        <Field id="pref-digits" label={t('settings.digits')}>
          <Select
            id="pref-digits"
            value={digits}
            onChange={(e) => setDigits(e.target.value as 'latn' | 'arab')}
          >
            <option value="latn">{t('settings.digitsLatn')}</option>
            <option value="arab">{t('settings.digitsArab')}</option>
          </Select>
        </Field>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t('settings.save')}
      </Button>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
    </form>
  );
}
