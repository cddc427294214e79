import { afterEach, describe, expect, it } from 'vitest';
import { createOneClickClient } from '../oneclick/client';
import { createManualClock } from './clock';
import { startSandbox } from './server';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function setup() {
  const clock = createManualClock();
  const sandbox = await startSandbox({ clock, apiKeys: ['good-key-123'] });
  opened.push(sandbox);
  const raw = (key?: string) =>
    fetch(`${sandbox.url}/account/balance`, { headers: key ? { 'X-Access-Token': key } : {} }).then(
      async (res) => ({ status: res.status, body: await res.json() }),
    );
  return { clock, sandbox, raw };
}

describe('sandbox key check', () => {
  it('answers MISSING_ACCESS_TOKEN without a key, and lets ping through without one', async () => {
    const { raw, sandbox } = await setup();
    expect(await raw()).toMatchObject({
      status: 401,
      body: { error: { code: 'MISSING_ACCESS_TOKEN' } },
    });
    expect((await fetch(`${sandbox.url}/ping`)).status).toBe(200);
  });

  it('counts the attempts left down, then blocks the IP for 15 minutes after 5 wrong keys', async () => {
    const { raw, clock } = await setup();
    const left = [];
    for (let i = 0; i < 5; i++) {
      const { status, body } = await raw('wrong');
      expect(status).toBe(401);
      left.push(body.error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    // Blocked: even the right key is refused.
    expect(await raw('good-key-123')).toMatchObject({
      status: 403,
      body: { error: { code: 'IP_BLOCKED' } },
    });
    clock.advance(15 * 60_000 - 1);
    expect((await raw('good-key-123')).status).toBe(403);
    clock.advance(1);
    expect((await raw('good-key-123')).status).toBe(200);
  });

  it('a right key clears the count of earlier wrong ones', async () => {
    const { raw } = await setup();
    await raw('wrong');
    await raw('wrong');
    await raw('good-key-123');
    expect((await raw('wrong')).body.error.details.attemptsLeft).toBe(4);
  });
});

describe('IP_BLOCKED over HTTP, on the sandbox clock', () => {
  it('5 wrong keys block even the good key with blockedUntil; 15 minutes later it passes; every call is logged', async () => {
    const { raw, clock, sandbox } = await setup();
    for (let i = 0; i < 5; i++) expect((await raw('wrong')).status).toBe(401);
    const until = clock.now() + 15 * 60_000;
    expect(sandbox.controls.authState()).toEqual({ failures: 5, blockedUntil: until });

    const blocked = await raw('good-key-123');
    expect(blocked).toMatchObject({
      status: 403,
      body: {
        success: false,
        error: { code: 'IP_BLOCKED', details: { blockedUntil: new Date(until).toISOString() } },
      },
    });
    clock.advance(15 * 60_000);
    expect(sandbox.controls.authState()).toEqual({ failures: 0 });
    expect(await raw('good-key-123')).toMatchObject({ status: 200, body: { success: true } });
    expect(sandbox.controls.calls().map((c) => [c.path, c.status])).toEqual([
      ...Array.from({ length: 5 }, () => ['/v3/account/balance', 401]),
      ['/v3/account/balance', 403],
      ['/v3/account/balance', 200],
    ]);
  });
});

describe('client credentials circuit against the sandbox', () => {
  it('stops after two invalid-key answers, well before the IP gets blocked', async () => {
    const { sandbox, raw } = await setup();
    const client = createOneClickClient({
      apiKey: 'revoked-key',
      baseUrl: sandbox.url,
      maxRetries: 0,
    });
    const kinds = [];
    for (let i = 0; i < 6; i++) kinds.push(await client.balance().catch((e) => e.kind));
    expect(kinds).toEqual([
      'auth',
      'auth',
      'credentials_rejected',
      'credentials_rejected',
      'credentials_rejected',
      'credentials_rejected',
    ]);
    expect(sandbox.controls.calls()).toHaveLength(2);
    // The sandbox still has attempts left for this IP.
    expect((await raw('good-key-123')).status).toBe(200);
    await client.resetCredentials('good-key-123');
    await expect(client.balance()).resolves.toMatchObject({ data: { currency: 'DZD' } });
  });

  it('reports IP_BLOCKED as its own kind', async () => {
    const { sandbox, raw } = await setup();
    for (let i = 0; i < 5; i++) await raw('wrong');
    const client = createOneClickClient({
      apiKey: 'good-key-123',
      baseUrl: sandbox.url,
      maxRetries: 0,
    });
    await expect(client.validate()).rejects.toMatchObject({ kind: 'ip_blocked', httpStatus: 403 });
  });
});
