import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTokens } from '../../db/queries/api-tokens';
import { apiTokens } from '../../db/schema';
import { getRequest, issueToken, postRequest } from '../../test/api-support';
import { createTestDb, type TestDb } from '../../test/db';
import { handleRead, handleRegister } from './handlers';
import { handleRefund } from './refund';

// A token does what the admin ticked when creating it: read, register, refund. A token that
// may only read cannot move money, whatever it sends.

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const noUpstream = {
  checkId: async () => {
    throw new Error('no upstream call expected');
  },
};
const deps = () => ({
  db: t.db,
  client: noUpstream,
  now: () => new Date(),
  threshold: '5000',
  webhookConfigured: false,
  formatTime: (d: Date) => d.toISOString(),
});

function refundRequest(token: string) {
  return new Request('http://desk.test/api/v1/topups/abc/refund', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

describe('API token scopes', () => {
  it('refuse a refund to a token without the refund scope: 403 insufficient_scope naming it', async () => {
    const { token } = await issueToken(t.db, 'reader', ['read']);
    const res = await handleRefund(refundRequest(token), 'abc', deps());
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="flexy-desk", error="insufficient_scope", scope="refund"',
    );
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('insufficient_scope');
    expect(body.message).toContain('"refund"');
  });

  it('refuse a registration to a token without the register scope, before reading the body', async () => {
    const { token } = await issueToken(t.db, 'refunder', ['refund']);
    const res = await handleRegister(postRequest('{not json', { token }), deps());
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('scope="register"');
  });

  it('let a read-only token read', async () => {
    const { token } = await issueToken(t.db, 'reads only', ['read']);
    const res = await handleRead(getRequest('nothing-here', token), 'nothing-here', deps());
    expect(res.status).toBe(404);
  });

  it('are stored as chosen and listed for the admin; older tokens keep all three', async () => {
    const { id } = await issueToken(t.db, 'registers', ['register', 'read']);
    const older = await issueToken(t.db, 'older');
    await t.db.execute(sql`update api_tokens set scopes = default where id = ${older.id}`);
    const [row] = await t.db
      .select({ scopes: apiTokens.scopes })
      .from(apiTokens)
      .where(eq(apiTokens.id, id));
    expect(row?.scopes).toEqual(['read', 'register']);
    const listed = await listTokens(t.db);
    expect(listed.find((r) => r.id === id)?.scopes).toEqual(['read', 'register']);
    expect(listed.find((r) => r.id === older.id)?.scopes).toEqual(['read', 'register', 'refund']);
  });
});
