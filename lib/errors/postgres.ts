// Postgres's own error fields, wherever drizzle wrapped them (DrizzleQueryError keeps the
// driver's error as its `cause`).

type PgFields = { code?: unknown; constraint?: unknown };

function pgFields(error: unknown): PgFields | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const fields = e as PgFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    e = fields.cause;
  }
  return null;
}

/** True when the statement broke this unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const fields = pgFields(error);
  return fields?.code === '23505' && fields.constraint === constraint;
}
