import { createServer } from 'node:http';
import { register as globalRegistry } from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { serveMetrics } from '@/lib/metrics/endpoint';
import { observeRequest } from '@/lib/metrics/http-requests.js';
import { createMetricsRegistry } from '@/lib/metrics/registry';
import { LAST_SUCCESS_KEY } from '@/lib/sync/worker-state';
import { createTestDb, type TestDb } from '@/test/db';
import { parsePrometheusText } from '@/test/prometheus';

// The route file as Next.js calls it, on a real database. Only the configuration is swapped,
// so a test can turn METRICS_TOKEN on and off; getDb() finds the test database on globalThis.
const settings = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('@/lib/config', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/config')>();
  return {
    ...actual,
    getConfig: () => ({ ...actual.parseConfig({}), METRICS_TOKEN: settings.token }),
  };
});
const { GET } = await import('./route');

const TOKEN = 'metrics-token-0123456789-abcdef';
let t: TestDb;

const scrape = (authorization?: string) =>
  GET(
    new Request('http://desk.test/api/metrics', {
      headers: authorization ? { authorization } : {},
    }),
  );

beforeAll(async () => {
  t = await createTestDb();
  (globalThis as { __flexyDb?: Db }).__flexyDb = t.db;
  await t.pool.query(`
    insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, upstream_created_at, source, next_check_at)
    values ('m1', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', now() - interval '90 seconds'),
           ('m2', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', now() + interval '1 hour'),
           ('m3', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', null),
           ('m4', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', null),
           ('m5', 'FULFILLED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', null),
           ('m6', 'REFUNDED', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', null),
           ('m7', 'UNKNOWN_ERROR', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest', null)`);
  await t.pool.query(`
    insert into upstream_call_stats (minute, operation, calls, errors, total_ms)
    values (date_trunc('minute', now()) - interval '1 hour', 'checkId', 10, 2, 5000),
           (date_trunc('minute', now()) - interval '1 minute', 'checkId', 5, 0, 1000),
           (date_trunc('minute', now()) - interval '2 hours', 'list', 3, 3, 30000)`);
  await t.pool.query(`
    insert into refund_deliveries (refund_id, state, next_attempt_at, created_at, delivered_at)
    values (gen_random_uuid(), 'pending', now(), now() - interval '300 seconds', null),
           (gen_random_uuid(), 'delivered', null, now() - interval '3 hours', now() - interval '3 hours'),
           (gen_random_uuid(), 'not_configured', null, now() - interval '4 hours', null)`);
  await t.pool.query(`
    insert into alerts (key, condition, state, facts, opened_at, last_seen_at, resolved_at)
    values ('sync_stalled', 'sync_stalled', 'open', '{}', now(), now(), null),
           ('runway', 'runway', 'resolved', '{}', now(), now(), now())`);
  await t.pool.query(
    `insert into app_state (key, value) values ($1, to_jsonb((now() - interval '42 seconds')::text))`,
    [LAST_SUCCESS_KEY],
  );
});
afterAll(() => t.close());
beforeEach(() => {
  settings.token = TOKEN;
});

describe('GET /api/metrics', () => {
  it('answers 404 saying how to turn it on while METRICS_TOKEN is unset', async () => {
    settings.token = undefined;
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.error).toBe('not_found');
    expect(body.message).toMatch(/METRICS_TOKEN/);
  });

  it('refuses a scrape without the token with 401 and a Bearer challenge', async () => {
    for (const authorization of [undefined, 'Basic bWV0cmljczpzZWNyZXQ=', 'Bearer']) {
      const res = await scrape(authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await res.json()).error).toBe('unauthorized');
    }
  });

  it('refuses a wrong token, a prefix of the right one and the right one plus more', async () => {
    for (const token of ['x'.repeat(TOKEN.length), TOKEN.slice(0, -1), `${TOKEN}0`]) {
      const res = await scrape(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
      expect(await res.text()).not.toContain('flexy_');
    }
  });

  it('serves the Prometheus text format to the configured token, never cached', async () => {
    const res = await scrape(`bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { types } = parsePrometheusText(await res.text());
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith('flexy_')))).toEqual({
      flexy_upstream_calls_total: 'counter',
      flexy_upstream_call_duration_seconds_total: 'counter',
      flexy_upstream_last_success_age_seconds: 'gauge',
      flexy_sync_oldest_due_check_age_seconds: 'gauge',
      flexy_orders: 'gauge',
      flexy_orders_refund_due: 'gauge',
      flexy_alerts_open: 'gauge',
      flexy_webhook_backlog: 'gauge',
      flexy_webhook_oldest_undelivered_age_seconds: 'gauge',
      flexy_http_request_duration_seconds: 'histogram',
    });
    expect(types.get('process_cpu_user_seconds_total')).toBe('counter');
    // A registry of its own: nothing lands in prom-client's global one.
    expect(await globalRegistry.metrics()).not.toContain('flexy_');
  });

  it('counts orders by status from the exact counters, refunds due included', async () => {
    const m = parsePrometheusText(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(m.value('flexy_orders', { status: 'PENDING' })).toBe(3);
    expect(m.value('flexy_orders', { status: 'HANDLING' })).toBe(0);
    expect(m.value('flexy_orders', { status: 'FULFILLED' })).toBe(2);
    expect(m.value('flexy_orders', { status: 'REFUNDED' })).toBe(1);
    expect(m.value('flexy_orders', { status: 'UNKNOWN_ERROR' })).toBe(1);
    expect(m.value('flexy_orders_refund_due')).toBe(1);
  });

  it('sums upstream calls over every minute by operation and outcome, with their time', async () => {
    const m = parsePrometheusText(await (await scrape(`Bearer ${TOKEN}`)).text());
    const calls = (operation: string, outcome: string) =>
      m.value('flexy_upstream_calls_total', { operation, outcome });
    expect([calls('checkId', 'ok'), calls('checkId', 'error')]).toEqual([13, 2]);
    expect([calls('list', 'ok'), calls('list', 'error')]).toEqual([0, 3]);
    expect(m.value('flexy_upstream_call_duration_seconds_total', { operation: 'checkId' })).toBe(6);
    expect(m.value('flexy_upstream_call_duration_seconds_total', { operation: 'list' })).toBe(30);
  });

  it('reports the sync lag, the webhook backlog and the open alerts', async () => {
    const m = parsePrometheusText(await (await scrape(`Bearer ${TOKEN}`)).text());
    const oldestDue = m.value('flexy_sync_oldest_due_check_age_seconds');
    expect(oldestDue).toBeGreaterThanOrEqual(90);
    expect(oldestDue).toBeLessThan(150);
    const lastSuccess = m.value('flexy_upstream_last_success_age_seconds');
    expect(lastSuccess).toBeGreaterThanOrEqual(42);
    expect(lastSuccess).toBeLessThan(100);
    expect(m.value('flexy_webhook_backlog')).toBe(1);
    const oldestNotice = m.value('flexy_webhook_oldest_undelivered_age_seconds');
    expect(oldestNotice).toBeGreaterThanOrEqual(300);
    expect(oldestNotice).toBeLessThan(360);
    expect(m.value('flexy_alerts_open')).toBe(1);
  });

  it('serves the durations of the requests this process answered', async () => {
    const server = createServer((req, res) => {
      observeRequest(req, res);
      res.statusCode = req.url === '/missing' ? 404 : 200;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const labels = { method: 'POST', group: 'action', status_class: '4xx' };
    const before = parsePrometheusText(await (await scrape(`Bearer ${TOKEN}`)).text());
    const seen = before.samples.find(
      (s) =>
        s.name === 'flexy_http_request_duration_seconds_count' &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
    await fetch(`http://127.0.0.1:${port}/missing`, {
      method: 'POST',
      headers: { 'next-action': 'abc123' },
    });
    await fetch(`http://127.0.0.1:${port}/missing`, {
      method: 'POST',
      headers: { 'next-action': 'x' },
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const after = parsePrometheusText(await (await scrape(`Bearer ${TOKEN}`)).text());
    expect(after.value('flexy_http_request_duration_seconds_count', labels)).toBe(
      (seen?.value ?? 0) + 2,
    );
    expect(
      after.value('flexy_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }),
    ).toBe((seen?.value ?? 0) + 2);
  });

  it('answers 500 with a request id, and logs it, when the database cannot be read', async () => {
    const errors: unknown[] = [];
    const res = await serveMetrics(
      new Request('http://desk.test/api/metrics', {
        headers: { authorization: `Bearer ${TOKEN}`, 'x-request-id': 'req-metrics-1' },
      }),
      {
        token: TOKEN,
        registry: () =>
          createMetricsRegistry(
            {
              db: () => {
                throw new Error('connection refused');
              },
              now: () => new Date(),
            },
            { processMetrics: false },
          ),
        log: { warn: () => {}, error: (...args: unknown[]) => errors.push(args) },
      },
    );
    expect(res.status).toBe(500);
    expect((await res.json()).message).toContain('req-metrics-1');
    expect(errors).toHaveLength(1);
  });
});
