import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { OneClickClient } from '@/lib/oneclick/client';
import type { Sandbox } from '@/lib/sandbox';
import {
  getRequest,
  issueToken,
  postRequest,
  startUpstream,
  upstreamTopup,
} from '@/test/api-support';
import { createTestDb, recordingDb, type TestDb } from '@/test/db';
import { type ApiDocument, answerErrors } from '@/test/schema-check';
import { GET as openApi } from './openapi.json/route';
import { GET as readTopup } from './topups/[idOrRef]/route';
import { POST as registerTopup } from './topups/route';

// The route files as Next.js calls them. getDb()/getUpstream() keep their singletons on
// globalThis; the test puts a test database and an emulator-backed client there first.

let t: TestDb;
let sandbox: Sandbox;
let holder: { __flexyDb?: Db; __flexyApiDb?: Db; __flexyUpstream?: unknown };
let client: OneClickClient;
let token: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ sandbox, client } = await startUpstream());
  holder = globalThis as unknown as typeof holder;
  holder.__flexyDb = t.db;
  holder.__flexyApiDb = t.db;
  holder.__flexyUpstream = {
    client,
    metrics: { record() {}, flush: async () => {} },
    sandbox: true,
  };
  token = (await issueToken(t.db, 'route shop')).token;
});
afterAll(async () => {
  await sandbox.close();
  await t.close();
});

describe('the /api/v1 routes', () => {
  it('register a top-up with POST and read it back by ref with GET', async () => {
    const up = upstreamTopup(sandbox);
    const body = JSON.stringify({ topupId: up.id, ref: up.ref, customerPrice: '250' });
    const created = await registerTopup(postRequest(body, { token }));
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const res = await readTopup(getRequest(up.ref, token), {
      params: Promise.resolve({ idOrRef: up.ref }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ topupId: up.id, customerPrice: '250.00' });
  });

  it('refuse a request without a token with 401 and a Bearer challenge', async () => {
    const res = await registerTopup(postRequest('{not even json', { token: null }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('publish an OpenAPI 3.1 document listing every answer the ingest route gives', async () => {
    const doc = await openApi().json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/api/v1/topups'].post.responses).sort()).toEqual(
      ['200', '201', '202', '400', '401', '403', '408', '409', '413', '415', '422', '500'].sort(),
    );
    expect(Object.keys(doc.paths['/api/v1/topups/{idOrRef}'].get.responses).sort()).toEqual(
      ['200', '202', '400', '401', '403', '404'].sort(),
    );
  });

  it('answer in the shapes the OpenAPI document they serve describes', async () => {
    const doc = (await openApi().json()) as ApiDocument;
    const check = async (path: string, method: string, res: Response) =>
      answerErrors(doc, path, method, res.status, await res.json());
    const up = upstreamTopup(sandbox);
    const body = { topupId: up.id, ref: up.ref, customerRef: 'طلب ٤٢', customerPrice: '725.5' };
    const created = await registerTopup(postRequest(JSON.stringify(body), { token }));
    expect(created.status).toBe(201);
    expect(await check('/api/v1/topups', 'post', created)).toEqual([]);
    const read = (key: string) =>
      readTopup(getRequest(key, token), { params: Promise.resolve({ idOrRef: key }) });
    expect(await check('/api/v1/topups/{idOrRef}', 'get', await read(up.id))).toEqual([]);
    const missing = await read('nobody-registered-this');
    expect(missing.status).toBe(404);
    expect(await check('/api/v1/topups/{idOrRef}', 'get', missing)).toEqual([]);
    const typo = await registerTopup(postRequest('{"topupId": "a", "price": 5}', { token }));
    expect(typo.status).toBe(400);
    expect(await check('/api/v1/topups', 'post', typo)).toEqual([]);
  });

  it('say in the OpenAPI document which token scope each operation needs', async () => {
    const doc = await openApi().json();
    const op = (path: string, method: string) => doc.paths[path][method];
    expect(op('/api/v1/topups', 'post').security).toEqual([{ bearer: ['register'] }]);
    expect(op('/api/v1/topups/{idOrRef}', 'get').security).toEqual([{ bearer: ['read'] }]);
    expect(op('/api/v1/topups/{idOrRef}/refund', 'post').security).toEqual([
      { bearer: ['refund'] },
    ]);
    expect(op('/api/v1/topups/{idOrRef}/refund', 'post').responses['403'].description).toMatch(
      /insufficient_scope/,
    );
    expect(doc.components.schemas.Error.properties.error.enum).toEqual(
      expect.arrayContaining(['insufficient_scope', 'ambiguous_ref', 'request_timeout']),
    );
  });

  it("run on the API's own connections, never on the desk's", async () => {
    const up = upstreamTopup(sandbox);
    const desk = recordingDb(t.pool);
    const api = recordingDb(t.pool);
    holder.__flexyDb = desk.db;
    holder.__flexyApiDb = api.db;
    try {
      const body = JSON.stringify({ topupId: up.id, ref: up.ref });
      expect((await registerTopup(postRequest(body, { token }))).status).toBe(201);
      const res = await readTopup(getRequest(up.ref, token), {
        params: Promise.resolve({ idOrRef: up.ref }),
      });
      expect(res.status).toBe(200);
      expect(api.statements.length).toBeGreaterThan(0);
      expect(desk.statements).toEqual([]);
    } finally {
      holder.__flexyDb = t.db;
      holder.__flexyApiDb = t.db;
    }
  });
});
