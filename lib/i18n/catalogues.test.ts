import { describe, expect, it } from 'vitest';
import { catalogues } from './index';
import { en } from './messages/en';

// Every catalogue has exactly the reference's keys, the same placeholders in each string, and a
// real translation: a string left in English in French or Arabic fails, unless it is listed here
// as the same in every language (names, codes, units).

const SAME_EVERYWHERE = new Set([
  'app.name',
  'language.en',
  'language.fr',
  'language.ar',
  'settings.digitsArab',
  'csv.topupId',
  'orders.filters',
]);

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node))
      for (const [key, value] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, value);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const reference = leaves(en);

describe.each(['fr', 'ar'] as const)('the %s catalogue', (language) => {
  const messages = leaves(catalogues[language]);

  it('has exactly the keys of the English reference', () => {
    expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('keeps every placeholder of every string', () => {
    const wrong = [...reference].filter(
      ([key, text]) =>
        JSON.stringify(placeholders(text)) !==
        JSON.stringify(placeholders(messages.get(key) ?? '')),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it('translates every string (no English left behind, nothing empty)', () => {
    const untranslated = [...reference]
      .filter(
        ([key, text]) =>
          !SAME_EVERYWHERE.has(key) &&
          /[a-z]{3}/i.test(
            text.replace(
              /\{\w+\}|UNKNOWN_ERROR|REFUNDED|OneClick|FACTURE|DZD|CSV|API|ONECLICK_API_KEY/g,
              '',
            ),
          ),
      )
      .filter(([key, text]) => messages.get(key) === text || !messages.get(key)?.trim());
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('the Arabic catalogue', () => {
  it('is written in Arabic script', () => {
    const arabic = [...leaves(catalogues.ar)].filter(([key]) => !SAME_EVERYWHERE.has(key));
    const latinOnly = arabic.filter(
      ([, text]) => !/[\u0600-\u06FF]/.test(text) && /[a-z]{3}/i.test(text.replace(/\{\w+\}/g, '')),
    );
    expect(latinOnly.map(([key]) => key)).toEqual([]);
  });
});
