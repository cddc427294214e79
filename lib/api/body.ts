import type { Parsed } from './input';
import { errorReply } from './responses';

// Reads a JSON request body with a hard size cap and a deadline. A declared Content-Length over
// the cap is refused before a byte is read; the cap holds again while streaming, so a client
// that lies in Content-Length (or sends chunked) cannot make us buffer megabytes; and a client
// that sends slowly cannot hold a request open. Callers check the token first.

export const MAX_BODY_BYTES = 16 * 1024;
/** The whole body, not each chunk: a byte every few seconds must not keep a request alive. */
export const BODY_TIMEOUT_MS = 10_000;

export type BodyLimits = { limit?: number; timeoutMs?: number };

// Stateless between calls (no streaming), so one decoder serves every request.
const utf8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = (limit: number) =>
  errorReply(413, 'payload_too_large', `The body must be at most ${limit} bytes.`);

export async function readJsonBody(
  request: Request,
  { limit = MAX_BODY_BYTES, timeoutMs = BODY_TIMEOUT_MS }: BodyLimits = {},
): Promise<Parsed<unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    return {
      ok: false,
      reply: errorReply(
        415,
        'unsupported_media_type',
        'Send the body as JSON with the header "Content-Type: application/json".',
      ),
    };
  }
  if (declaredTooLarge(request, limit)) return { ok: false, reply: tooLarge(limit) };

  const bytes = await readCapped(request, limit, timeoutMs);
  if (bytes === 'too_large') return { ok: false, reply: tooLarge(limit) };
  if (bytes === 'timeout') {
    return {
      ok: false,
      reply: errorReply(
        408,
        'request_timeout',
        `The body did not arrive within ${timeoutMs / 1000} seconds; send it again.`,
      ),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reply: errorReply(400, 'invalid_json', 'The body is not valid UTF-8.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      reply: errorReply(400, 'invalid_json', 'The body is not valid JSON.'),
    };
  }
}

function declaredTooLarge(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get('content-length'));
  return Number.isFinite(declared) && declared > limit;
}

async function readCapped(
  request: Request,
  limit: number,
  timeoutMs: number,
): Promise<Uint8Array | 'too_large' | 'timeout'> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') {
        // Not awaited: a stalled source may never acknowledge; the request is answered anyway.
        reader.cancel().catch(() => {});
        return 'timeout';
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return 'too_large';
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  // A shop's body fits one chunk: no second copy.
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
