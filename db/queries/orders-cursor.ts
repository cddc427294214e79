import type { OrderSort } from './orders-list';

// Keyset pagination cursors of the orders list (./orders-list.ts): the sort value and id of
// the last row shown, opaque in the URL. A cursor comes back from the URL, where anyone can edit it: its value goes into SQL compared
// with a timestamptz or a numeric column, so anything the column would not parse is no cursor
// at all (the first page) rather than a query error.

export type Cursor = { value: string; id: number };

/**
 * What each sort writes into its cursors. Every value the list can write passes, so the CSV
 * export, which follows these cursors, never restarts.
 */
const VALUE_SHAPE: Record<OrderSort, (value: string) => boolean> = {
  created: (v) =>
    /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)) &&
    new Date(v).toISOString() === v,
  // numeric(14, 2), as the column holds it.
  amount: (v) => /^\d{1,12}(\.\d{1,2})?$/.test(v),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined, sort: OrderSort): Cursor | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [value, id] = parsed as [unknown, unknown];
  if (typeof value !== 'string' || !VALUE_SHAPE[sort](value)) return null;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  return { value, id };
}
