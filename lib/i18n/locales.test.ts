import { describe, expect, it } from 'vitest';
import { directionOf, fromAcceptLanguage, intlLocale } from './locales';

describe('locales', () => {
  it('picks the browser’s best supported language, honouring q-values', () => {
    expect(fromAcceptLanguage('ar-DZ,ar;q=0.9,fr;q=0.8,en;q=0.5')).toBe('ar');
    expect(fromAcceptLanguage('de-DE,fr;q=0.7,en;q=0.3')).toBe('fr');
    expect(fromAcceptLanguage('en;q=0.2,fr;q=0.9')).toBe('fr');
    expect(fromAcceptLanguage('de,it')).toBeNull();
  });

  it('formats Arabic with Western digits unless Arabic-Indic digits were chosen', () => {
    const n = (locale: Parameters<typeof intlLocale>[0]) =>
      new Intl.NumberFormat(intlLocale(locale)).format(1234);
    expect(n('ar')).toMatch(/1.?234/);
    expect(n('ar-arab')).toBe('١٬٢٣٤');
    expect(directionOf('ar-arab')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });
});
