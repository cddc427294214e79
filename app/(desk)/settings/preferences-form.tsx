'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { useT } from '@/lib/i18n/client';
import { LANGUAGES, type Language, type Locale, languageOf } from '@/lib/i18n/locales';
import { saveLocale } from './actions';

export function PreferencesForm({ locale }: { locale: Locale }) {
  const t = useT();
  const [language, setLanguage] = useState<Language>(languageOf(locale));
  const [digits, setDigits] = useState<'latn' | 'arab'>(locale === 'ar-arab' ? 'arab' : 'latn');
  const { pending, error, run } = useAction();
  return (
    <form
      className="space-y-4 rounded-lg border border-border bg-surface p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const next: Locale = language === 'ar' && digits === 'arab' ? 'ar-arab' : language;
        // Said in a toast: the page re-renders in the new language, an inline line would not.
        run(() => saveLocale({ locale: next }), {
          success: () => t('settings.saved'),
          toast: true,
        });
      }}
    >
      <Field label={t('settings.language')}>
        <Select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </Select>
      </Field>
      {language === 'ar' ? (
        <Field label={t('settings.digits')}>
          <Select value={digits} onChange={(e) => setDigits(e.target.value as 'latn' | 'arab')}>
            <option value="latn">{t('settings.digitsLatn')}</option>
            <option value="arab">{t('settings.digitsArab')}</option>
          </Select>
        </Field>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t('settings.save')}
      </Button>
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </form>
  );
}
