import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import type { Runtime } from '../lib/runtime/data-dir';
import { testDb } from './support/db';
import { E2E } from './support/env';
import { placeOrder } from './support/upstream';

// A second instance of the desk, as a process manager runs it (the built server, its own
// background worker, the e2e database and emulator), stopped with SIGTERM while its worker is
// busy and requests are in flight: readiness turns 503 before it exits, every request it took
// is answered whole, and it hands back every claim it held.

const PORT = E2E.port + 11;
const base = `http://localhost:${PORT}`;

function startInstance(): ChildProcess {
  const runtime = JSON.parse(
    readFileSync(path.join(E2E.dataDir, 'runtime.json'), 'utf8'),
  ) as Runtime;
  if (!runtime.oneclick) throw new Error('the e2e desk runs on the emulator');
  const secret = readFileSync(path.join(E2E.dataDir, 'nextauth-secret'), 'utf8').trim();
  return spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATA_DIR: E2E.dataDir,
      DATABASE_URL: runtime.databaseUrl,
      MIGRATION_DATABASE_URL: '',
      ONECLICK_API_KEY: runtime.oneclick.apiKey,
      ONECLICK_BASE_URL: runtime.oneclick.baseUrl,
      ONECLICK_SANDBOX: '1',
      SANDBOX: 'on',
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      ALLOW_INSECURE_HTTP: 'on',
      WORKER: 'on',
      WORKER_TICK_MS: '100',
      LOG_LEVEL: 'warn',
      FLEXY_PARENT_PID: '',
      SHUTDOWN_GRACE_MS: '20000',
      SHUTDOWN_UNREADY_MS: '1500',
    },
  });
}

const get = async (p: string) => {
  const res = await fetch(`${base}${p}`, { headers: { connection: 'close' } });
  return { status: res.status, body: await res.text() };
};

test('SIGTERM during a worker batch: 503 before the exit, no request cut, no claim left held', async () => {
  test.setTimeout(120_000);
  const child = startInstance();
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  try {
    await expect
      .poll(async () => (await get('/api/health/ready').catch(() => ({ status: 0 }))).status, {
        timeout: 60_000,
        intervals: [500],
      })
      .toBe(200);
    expect((await get('/api/health/live')).status).toBe(200);

    // Orders in flight: the new instance's worker claims them to poll them.
    // A number of its own: the other specs' counts are not disturbed.
    const phone = `077${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    for (let i = 0; i < 12; i++) await placeOrder(phone, { amount: 100 });
    const pattern = `${hostname()}:${child.pid}:%`;
    const { db } = testDb();
    // Its worker holds claims (a batch under way) when the signal comes.
    await expect
      .poll(
        async () => {
          // Young orders are followed by list polls under the engine's shared lease; older
          // ones are claimed one by one.
          const claimed = await db.execute<{ n: number }>(
            sql`select (select count(*) from topups where claimed_by like ${pattern})
                  + (select count(*) from app_state where key = 'lease:list-poll' and value->>'holder' like ${pattern}) as n`,
          );
          return Number(claimed.rows[0]?.n ?? 0);
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBeGreaterThan(0);

    // Requests in flight when the signal comes, and more during the drain.
    const requests = Array.from({ length: 30 }, () => get('/login'));
    const sentAt = Date.now();
    child.kill('SIGTERM');
    const readiness: number[] = [];
    const probe = (async () => {
      for (;;) {
        const status = await get('/api/health/ready')
          .then((r) => r.status)
          .catch(() => 0);
        readiness.push(status);
        if (status === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const answers = await Promise.allSettled(requests);
    const { code, at } = await exited;
    await probe;

    expect(answers.filter((a) => a.status === 'rejected')).toEqual([]);
    for (const a of answers)
      if (a.status === 'fulfilled') {
        expect(a.value.status).toBe(200);
        expect(a.value.body).toContain('</html>');
      }
    expect(readiness).toContain(503);
    expect(readiness.indexOf(503)).toBeLessThan(
      readiness.lastIndexOf(0) === -1 ? readiness.length : readiness.lastIndexOf(0),
    );
    expect(code, stderr).toBe(0);
    expect(at - sentAt).toBeLessThan(20_000);

    // Nothing it held is left claimed: the next instance takes the orders at once.
    const held = await db.execute<{ n: number }>(
      sql`select (select count(*) from topups where claimed_by like ${pattern} and claimed_until > now())
            + (select count(*) from refund_deliveries where claimed_by like ${pattern} and claimed_until > now())
            + (select count(*) from notices where lease_holder like ${pattern} and lease_until > now())
            + (select count(*) from app_state where key like 'lease:%' and value->>'holder' like ${pattern}) as n`,
    );
    expect(Number(held.rows[0]?.n)).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
