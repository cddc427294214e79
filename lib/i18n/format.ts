// Interpolation for catalogue strings: "Signed in as {name}" + { name: 'Amina' }, and ICU
// plurals, the syntax next-intl reads, so new strings need no rewrite when the desk moves to it:
// "{count, plural, one {# row} other {# rows}}" + { count: 3 }. Plural forms come from
// Intl.PluralRules (Arabic's zero/one/two/few/many/other), `#` is the count in the person's digits.
export type Params = Record<string, string | number>;

const PLURAL_HEAD = /^\{\s*(\w+)\s*,\s*plural\s*,/;

/** The index just after the brace that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

function plural(body: string, count: number, locale: string): string | null {
  const branches = new Map<string, string>();
  const branch = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let at = 0;
  while (at < body.length && body.slice(at).trim()) {
    branch.lastIndex = at;
    const m = branch.exec(body);
    if (!m?.[1]) return null;
    const open = branch.lastIndex - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    branches.set(m[1], body.slice(open + 1, end - 1));
    at = end;
  }
  const chosen =
    branches.get(`=${count}`) ??
    branches.get(new Intl.PluralRules(locale).select(count)) ??
    branches.get('other');
  return chosen === undefined
    ? null
    : chosen.replace(/#/g, new Intl.NumberFormat(locale).format(count));
}

export function interpolate(
  template: string,
  params: Params | undefined,
  intlLocale: string,
): string {
  if (!params) return template;
  let out = '';
  let at = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', at)) {
    out += template.slice(at, open);
    const head = PLURAL_HEAD.exec(template.slice(open));
    const end = head ? closing(template, open) : -1;
    const key = head?.[1];
    const count = key !== undefined ? Number(params[key]) : Number.NaN;
    if (head && end > 0 && Number.isFinite(count)) {
      const text = plural(template.slice(open + head[0].length, end - 1), count, intlLocale);
      out += text === null ? template.slice(open, end) : interpolate(text, params, intlLocale);
      at = end;
      continue;
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(open));
    const name = simple?.[1];
    if (simple && name !== undefined && name in params) {
      out += String(params[name]);
      at = open + simple[0].length;
    } else {
      out += '{';
      at = open + 1;
    }
  }
  return out + template.slice(at);
}

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey<T> = Leaves<T>;

export function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
