// The desk's languages and how each is shown. A person's locale is a language plus, for
// Arabic, a choice of digits: Western (the default, as Algerian offices use) or Arabic-Indic.

export const LANGUAGES = ['en', 'fr', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LOCALES = ['en', 'fr', 'ar', 'ar-arab'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Where the sign-in page's switcher (and every save) keeps the choice in the browser. */
export const LOCALE_COOKIE = 'flexy-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const languageOf = (locale: Locale): Language => (locale === 'ar-arab' ? 'ar' : locale);

export const directionOf = (locale: Locale) => (languageOf(locale) === 'ar' ? 'rtl' : 'ltr');

const REGION: Record<Language, string> = { en: 'en-GB', fr: 'fr-DZ', ar: 'ar-DZ' };

/** The BCP 47 tag Intl formats with: ar-DZ with Western digits unless Arabic-Indic was chosen. */
export function intlLocale(locale: Locale): string {
  return `${REGION[languageOf(locale)]}-u-nu-${locale === 'ar-arab' ? 'arab' : 'latn'}`;
}

/** The best language for a browser's Accept-Language header (q-values honoured). */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((x) => (LANGUAGES as readonly string[]).includes(x.lang));
  return hit ? (hit.lang as Language) : null;
}

/** Back from the tag next-intl carries (intlLocale's output) to the desk's locale. */
export function fromIntlLocale(tag: string): Locale {
  if (tag.startsWith('ar')) return tag.includes('-nu-arab') ? 'ar-arab' : 'ar';
  if (tag.startsWith('fr')) return 'fr';
  return 'en';
}
