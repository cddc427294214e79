// Keyset pagination cursors: the sort value and id of the last row shown, opaque in the URL.

export type Cursor = { value: string; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as [unknown, unknown];
    if (
      typeof value !== 'string' ||
      value.length > 40 ||
      !Number.isSafeInteger(id) ||
      (id as number) <= 0
    )
      return null;
    return { value, id: id as number };
  } catch {
    return null;
  }
}
