import { z } from 'zod';
import { parseDay, parseDayOrTime } from '../time/algiers';

// A page's view lives in its URL so Back, reload and a shared link all show the same thing.
// This is the one reader of those URLs (orders, audit, refunds, reports, reconciliation): each
// parameter is read on its own; a bad one is dropped and named in `ignored`, never guessed.

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter (`?a=1&a=2` reads 1); empty counts as absent. */
export function firstParam(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value === '' ? undefined : value;
}

export type Fields = Record<string, z.ZodType>;
export type Values<F extends Fields> = { [K in keyof F]?: z.output<F[K]> };

/** Reads every field; `ignored` lists, in field order, the parameters that were dropped. */
export function readParams<F extends Fields>(
  params: SearchParams,
  fields: F,
): { values: Values<F>; ignored: (keyof F & string)[] } {
  const values: Record<string, unknown> = {};
  const ignored: (keyof F & string)[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const value = firstParam(params, key);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else ignored.push(key);
  }
  return { values: values as Values<F>, ignored };
}

// The kinds of parameter every list shares.

/** A desk day, YYYY-MM-DD (lib/time/algiers.ts): 2025-02-30 does not exist and is dropped. */
export const dayParam = () => z.string().refine((s) => parseDay(s) !== null);

/** A desk day or an Algiers wall-clock minute (YYYY-MM-DDTHH:mm), kept as typed. */
export const dayOrTimeParam = () => z.string().refine((s) => parseDayOrTime(s) !== null);

export const enumParam = <const V extends readonly [string, ...string[]]>(values: V) =>
  z.enum(values);

/** The sort column: only those the query can serve from an index. */
export const sortParam = enumParam;

export const DIRECTIONS = ['asc', 'desc'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const dirParam = () => z.enum(DIRECTIONS);

/** Hidden columns, comma-separated; names that are not hideable columns are left out. */
export const hiddenColumnsParam = <const C extends readonly string[]>(columns: C) =>
  z
    .string()
    .transform((v) =>
      v.split(',').filter((c): c is C[number] => (columns as readonly string[]).includes(c)),
    );

/** A page size from a fixed list. */
export const pageSizeParam = <const S extends readonly number[]>(sizes: S) =>
  z.coerce
    .number()
    .refine((n) => sizes.includes(n))
    .transform((n) => n as S[number]);

/** An opaque keyset cursor as db/queries/*-cursor.ts writes it. */
export const cursorParam = () => z.string().regex(/^[\w-]{4,200}$/);

/** A row id used as a keyset cursor (`?before=123`). */
export const idCursorParam = () =>
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n > 0);
