import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogues, createT } from './index';
import { en } from './messages/en';

// Every catalogue has exactly the reference's keys; every message parses as ICU; each keeps the
// reference's arguments (same names, same kinds); every plural gives each form its language
// has (Arabic: zero, one, two, few, many, other); and each is really translated: a message left
// in English in French or Arabic fails, unless it is listed here as the same in every language.

const SAME_EVERYWHERE = new Set([
  'app.name',
  'language.en',
  'language.fr',
  'language.ar',
  'settings.digitsArab',
  'csv.topupId',
  'orders.filters',
  'unknown.hours', // «2 h 5 min» reads the same in French
]);

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node))
      for (const [key, value] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, value);
  return out;
}

type Kind = 'text' | 'number' | 'date' | 'select';

/** Arguments by name and kind (a plural is a number), the literal text, and every plural. */
function anatomy(ast: MessageFormatElement[]) {
  const args = new Map<string, Kind>();
  const plurals: { name: string; forms: string[] }[] = [];
  let text = '';
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal) text += el.value;
      else if (el.type === TYPE.argument) args.set(el.value, 'text');
      else if (el.type === TYPE.number) args.set(el.value, 'number');
      else if (el.type === TYPE.date || el.type === TYPE.time) args.set(el.value, 'date');
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        args.set(el.value, el.type === TYPE.plural ? 'number' : 'select');
        if (el.type === TYPE.plural)
          plurals.push({ name: el.value, forms: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return { args, plurals, text };
}

const described = (args: Map<string, Kind>) =>
  JSON.stringify([...args].sort(([a], [b]) => a.localeCompare(b)));

const reference = leaves(en);
const parsed = (text: string) => anatomy(parse(text, { requiresOtherClause: true }));

describe.each(['en', 'fr', 'ar'] as const)('the %s catalogue', (language) => {
  const messages = leaves(catalogues[language]);
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has exactly the keys of the English reference', () => {
    expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('is valid ICU MessageFormat throughout', () => {
    const broken = [...messages].filter(([, text]) => {
      try {
        parse(text, { requiresOtherClause: true });
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  it('keeps every argument of every message, with the same kind', () => {
    const wrong = [...reference].filter(
      ([key, text]) =>
        described(parsed(text).args) !== described(parsed(messages.get(key) ?? '').args),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it(`gives every plural each form ${language} has (${forms.join(', ')})`, () => {
    const missing = [...messages].flatMap(([key, text]) =>
      parsed(text).plurals.flatMap((p) =>
        forms.filter((f) => !p.forms.includes(f)).map((f) => `${key} {${p.name}} lacks ${f}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it.skipIf(language === 'en')('translates every message (no English left, nothing empty)', () => {
    const untranslated = [...reference]
      .filter(
        ([key, text]) =>
          !SAME_EVERYWHERE.has(key) &&
          /[a-z]{3}/i.test(
            parsed(text).text.replace(
              /UNKNOWN_ERROR|REFUNDED|OneClick|FACTURE|DZD|CSV|API|ONECLICK_API_KEY/g,
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
    const latinOnly = [...leaves(catalogues.ar)].filter(([key, text]) => {
      const { text: literal } = parsed(text);
      return (
        !SAME_EVERYWHERE.has(key) && !/[\u0600-\u06FF]/.test(literal) && /[a-z]{3}/i.test(literal)
      );
    });
    expect(latinOnly.map(([key]) => key)).toEqual([]);
  });
});

describe('counts read as people say them', () => {
  const counts = [0, 1, 2, 3, 11, 100];
  const say = (locale: Parameters<typeof createT>[0]) =>
    counts.map((count) => createT(locale)('orders.count', { count }));

  it('in English', () => {
    expect(say('en')).toEqual([
      'No orders',
      '1 order',
      '2 orders',
      '3 orders',
      '11 orders',
      '100 orders',
    ]);
  });

  it('in French (0 and 1 are singular)', () => {
    expect(say('fr')).toEqual([
      'Aucune commande',
      '1 commande',
      '2 commandes',
      '3 commandes',
      '11 commandes',
      '100 commandes',
    ]);
  });

  it('in Arabic, with its six forms, in either digits', () => {
    expect(say('ar')).toEqual(['لا طلبات', 'طلب واحد', 'طلبان', '3 طلبات', '11 طلبًا', '100 طلب']);
    expect(say('ar-arab')).toEqual([
      'لا طلبات',
      'طلب واحد',
      'طلبان',
      '٣ طلبات',
      '١١ طلبًا',
      '١٠٠ طلب',
    ]);
  });

  it('groups large numbers the way each language does', () => {
    expect(createT('fr')('orders.countCapped', { count: 10_000 })).toBe(
      'Plus de 10\u202f000 commandes',
    );
    expect(createT('en')('orders.countCapped', { count: 10_000 })).toBe('More than 10,000 orders');
  });

  it('writes the digits of a message’s own text in the person’s digits', () => {
    const params = { seconds: 3, wait: 7 };
    expect(createT('ar')('refund.checkTooSoon', params)).toContain('كل 10 ثوانٍ');
    const arab = createT('ar-arab')('refund.checkTooSoon', params);
    expect(arab).toContain('كل ١٠ ثوانٍ');
    expect(arab).toContain('٣ ثوانٍ');
    expect(arab).not.toMatch(/[0-9]/);
  });
});
