import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatIcu from 'use-intl/format-message';
import formatCompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import { DESK_TIME_ZONE } from '../time/algiers';
import {
  compileMessages,
  intlLocale,
  LOCALES,
  messagesFor,
  PRECOMPILED_MESSAGES,
  runtimeMessagesFor,
} from './index';

// Pages format messages precompiled (next.config.js swaps next-intl's formatter for its
// format-only half to keep the ICU parser out of the browser). Every message must read exactly
// as the ICU formatter reads it, in every language and for every form of its arguments.

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as object).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

/** Values to try for each argument: counts across every plural form, each select option. */
function samples(ast: MessageFormatElement[]): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) out.set(el.value, ['Amina', '0661 23 45 67']);
      else if (el.type === TYPE.number) out.set(el.value, [0, 1, 2, 1234.5, 10_000]);
      else if (el.type === TYPE.date || el.type === TYPE.time)
        out.set(el.value, [new Date('2026-11-29T23:30:00Z')]);
      else if (el.type === TYPE.plural) {
        out.set(el.value, [0, 1, 2, 3, 11, 100, 1001]);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.select) {
        out.set(el.value, [...Object.keys(el.options), 'something-else']);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(ast);
  return out;
}

function valueSets(args: Map<string, unknown[]>): Record<string, unknown>[] {
  const rounds = Math.max(1, ...[...args.values()].map((v) => v.length));
  return Array.from({ length: rounds }, (_, i) =>
    Object.fromEntries([...args].map(([name, values]) => [name, values[i % values.length]])),
  );
}

describe('precompiled messages', () => {
  it('are what this test process formats as ICU text (outside Next, no alias)', () => {
    expect(PRECOMPILED_MESSAGES).toBe(false);
    expect(runtimeMessagesFor('fr')).toBe(messagesFor('fr'));
  });

  it.each(LOCALES)('read exactly as the ICU formatter reads them in %s', (locale) => {
    const cache = _createCache();
    const options = {
      cache,
      formatters: _createIntlFormatters(cache),
      locale: intlLocale(locale),
      timeZone: DESK_TIME_ZONE,
    };
    const differing: string[] = [];
    let checked = 0;
    const compiled = compileMessages(messagesFor(locale));
    for (const [key, text] of leaves(messagesFor(locale))) {
      const precompiled = key
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], compiled);
      for (const values of valueSets(samples(parse(text)))) {
        const icu = formatIcu(key, text, values as never, options as never);
        const fast = formatCompiled(key, precompiled as never, values as never, options as never);
        checked++;
        if (icu !== fast) differing.push(`${key} ${JSON.stringify(values)}: «${icu}» ≠ «${fast}»`);
      }
    }
    expect(differing).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });
});

describe('precompiled catalogues sent to client components', () => {
  it('hold plain objects and arrays only (what React can pass to the browser)', () => {
    const odd: string[] = [];
    const walk = (value: unknown, at: string) => {
      if (value === null || typeof value !== 'object') return;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== Array.prototype) odd.push(at);
      for (const [key, child] of Object.entries(value)) walk(child, `${at}.${key}`);
    };
    walk(compileMessages(messagesFor('ar')), 'ar');
    expect(odd).toEqual([]);
  });
});
