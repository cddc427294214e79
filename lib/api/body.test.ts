import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config as proxyConfig } from '../../proxy';
import { issueToken, snapshot } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { MAX_BODY_BYTES } from './body';
import { handleRegister } from './handlers';

// A request body is the one thing a caller controls in size and speed. The token is checked
// first, then the declared size, then the body is streamed with a byte cap and a deadline.

let t: TestDb;
let token: string;
beforeAll(async () => {
  t = await createTestDb();
  token = (await issueToken(t.db, 'body shop')).token;
});
afterAll(() => t.close());

const noUpstream = {
  checkId: async () => {
    throw new Error('no upstream call expected');
  },
};
const deps = (bodyTimeoutMs?: number) => ({
  db: t.db,
  client: noUpstream,
  now: () => new Date(),
  bodyTimeoutMs,
});

/** A body that sends `chunks`, then (unless `end`) never sends anything again. */
function body(chunks: Uint8Array[], opts: { end: boolean }) {
  const read = { pulls: 0, bytes: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        read.pulls++;
        const next = chunks.shift();
        if (next) {
          read.bytes += next.byteLength;
          controller.enqueue(next);
        } else if (opts.end) controller.close();
        else return new Promise<void>(() => {});
      },
    },
    // Nothing is pulled until someone reads: `pulls` tells whether the handler did.
    { highWaterMark: 0 },
  );
  return { stream, read };
}

function post(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request('http://desk.test/api/v1/topups', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': 'application/json', ...headers },
  } as RequestInit);
}

/** The answer, or 'hung' if none came within `ms`. */
async function within(ms: number, response: Promise<Response>) {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((r) => {
    timer = setTimeout(() => r('hung'), ms);
  });
  try {
    return await Promise.race([response, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('API request bodies', () => {
  it('never pass through the proxy, which would buffer up to 10 MB before any check', () => {
    for (const url of ['/api/v1/topups', '/api/v1/topups/abc/refund', '/api/v1/openapi.json'])
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url }), url).toBe(false);
    for (const url of ['/', '/orders', '/admin/tokens', '/api/health', '/api/v1', '/api/v10/x'])
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url }), url).toBe(true);
  });

  it('are refused with 413 at once when Content-Length says 20 MB, without reading a byte', async () => {
    const { stream, read } = body([], { end: false });
    const res = await within(
      1000,
      handleRegister(
        post(stream, { authorization: `Bearer ${token}`, 'content-length': String(20 << 20) }),
        deps(),
      ),
    );
    expect(res).not.toBe('hung');
    expect((res as Response).status).toBe(413);
    expect(await (res as Response).json()).toMatchObject({ error: 'payload_too_large' });
    expect(read.pulls).toBe(0);
  });

  it('are not read at all when the token is wrong', async () => {
    const { stream, read } = body([], { end: false });
    const res = await within(
      1000,
      handleRegister(post(stream, { authorization: 'Bearer x' }), deps()),
    );
    expect((res as Response).status).toBe(401);
    expect(read.pulls).toBe(0);
  });

  it('are cut at the 16 KB cap with 413 when 17 KB stream in without a Content-Length', async () => {
    const before = await snapshot(t.db);
    const kb = () => new TextEncoder().encode(' '.repeat(1024));
    const { stream, read } = body(Array.from({ length: 17 }, kb), { end: true });
    const res = await within(
      1000,
      handleRegister(post(stream, { authorization: `Bearer ${token}` }), deps()),
    );
    expect((res as Response).status).toBe(413);
    expect(read.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + 1024);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('get 408 when they stall, within the body timeout', async () => {
    const { stream } = body([new TextEncoder().encode('{"topupId": ')], { end: false });
    const started = Date.now();
    const res = await within(
      2000,
      handleRegister(post(stream, { authorization: `Bearer ${token}` }), deps(200)),
    );
    expect(res).not.toBe('hung');
    expect((res as Response).status).toBe(408);
    expect(await (res as Response).json()).toMatchObject({ error: 'request_timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('are read whole across chunks (split inside a character), and bad UTF-8 spoils no later body', async () => {
    const send = (chunks: Uint8Array[]) =>
      handleRegister(
        post(body(chunks, { end: true }).stream, { authorization: `Bearer ${token}` }),
        deps(),
      );
    const bytes = new TextEncoder().encode('{"topupId": "not an id!", "customerRef": "طلب ٤٢"}');
    const cut = bytes.indexOf(0xd8) + 1; // inside the first Arabic letter
    const invalid = await send([Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])]);
    expect(await invalid.json()).toMatchObject({ error: 'invalid_json' });
    const split = await send([bytes.slice(0, cut), bytes.slice(cut)]);
    expect(split.status).toBe(400);
    expect(await split.json()).toMatchObject({ error: 'invalid_field', field: 'topupId' });
  });
});
