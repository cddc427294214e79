import type { Parsed } from './input';
import { errorReply } from './responses';

// Reads a JSON request body with a hard size cap. The cap is enforced while streaming, so a
// client that lies in Content-Length (or sends chunked) cannot make us buffer megabytes.

export const MAX_BODY_BYTES = 16 * 1024;

const tooLarge = () =>
  errorReply(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);

export async function readJsonBody(
  request: Request,
  limit = MAX_BODY_BYTES,
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
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reply: tooLarge() };

  const bytes = await readCapped(request, limit);
  if (bytes === 'too_large') return { ok: false, reply: tooLarge() };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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

async function readCapped(request: Request, limit: number): Promise<Uint8Array | 'too_large'> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
