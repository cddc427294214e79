// Errors from the database carry the values of the failed statement: drizzle writes every
// parameter into its message ("params: …"), Postgres repeats key values and whole rows in
// `detail` ("Key (email)=(…)", "Failing row contains (…)") and quotes a bad input back in some
// messages. A password hash, a token or a customer's number must not reach a log line or an
// audit row that way, so everything that logs or stores an error goes through this module:
// the statement, the error code and the constraint stay; the values go.

const REDACTED = '[redacted]';

/** Properties never copied: parameters, and SQL an error carries besides its message. */
const DROPPED = new Set(['params', 'parameters', 'query', 'internalQuery', 'cause', 'raw']);

type Serialized = { type: string; message: string; stack?: string } & Record<string, unknown>;

/** One line for an audit row or a message: the error and its causes, without values. */
export function errorMessage(error: unknown): string {
  if (!isErrorLike(error)) return scrubText(String(error));
  const parts: string[] = [];
  for (const e of chain(error)) parts.push(scrubText(scrubPgMessage(e)));
  return parts.join(': ');
}

/** pino's `err` serializer: like pino's own (type, message with causes, stack, fields), scrubbed. */
export function serializeError(error: unknown): unknown {
  if (!isErrorLike(error)) return error;
  const out: Serialized = {
    type:
      error.constructor?.name && error.constructor !== Object ? error.constructor.name : 'Error',
    message: errorMessage(error),
    stack: chain(error)
      .map((e) => scrubText((e.stack ?? '').replace(e.message, scrubPgMessage(e))))
      .join('\ncaused by: '),
  };
  // Postgres fields (code, constraint, table…) live on the cause drizzle wraps; lift them up.
  for (const e of chain(error).reverse())
    for (const [key, value] of Object.entries(e)) {
      if (DROPPED.has(key) || value === undefined || key in out) continue;
      if (key === 'detail' && typeof value === 'string') out.detail = scrubDetail(value);
      else if (isErrorLike(value)) out[key] = serializeError(value);
      else out[key] = typeof value === 'string' ? scrubText(value) : value;
    }
  return out;
}

/** Removes drizzle's "params: …" (up to the stack or the next cause) and any argon2 hash. */
export function scrubText(text: string): string {
  return text
    .replace(/\nparams: [\s\S]*?(?=\n\s+at |\ncaused by: |$)/g, `\nparams: ${REDACTED}`)
    .replace(/\$argon2(?:id|i|d)\$[^\s,)"'\\]*/g, REDACTED);
}

/** Postgres's `detail`: which key or row, never the values in it. */
export function scrubDetail(detail: string): string {
  const key =
    /^(Key \(.+?\))=\(.*\)( already exists\.| is not present in table .*| is still referenced from table .*)$/s.exec(
      detail,
    );
  if (key) return `${key[1]}=(${REDACTED})${key[2]}`;
  if (detail.startsWith('Failing row contains')) return `Failing row contains (${REDACTED}).`;
  return REDACTED;
}

/** Postgres quotes a rejected input back ("invalid input syntax for type uuid: "…""). */
function scrubPgMessage(error: Error & { code?: unknown }): string {
  if (typeof error.code !== 'string' || !/^[0-9A-Z]{5}$/.test(error.code)) return error.message;
  return error.message
    .replace(/(: )".*"$/s, `$1"${REDACTED}"`)
    .replace(/^value ".*" is out of range/s, `value "${REDACTED}" is out of range`);
}

function chain(error: Error): (Error & { code?: unknown })[] {
  const seen: Error[] = [];
  for (let e: unknown = error; isErrorLike(e) && !seen.includes(e); e = e.cause) seen.push(e);
  return seen;
}

function isErrorLike(value: unknown): value is Error {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { message?: unknown }).message === 'string' &&
      typeof (value as { stack?: unknown }).stack === 'string')
  );
}
