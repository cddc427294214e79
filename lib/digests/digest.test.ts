import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { refreshRollups } from '../reports/rollup';
import { type FinanceDigest, financeDigest, type ManagerDigest, managerDigest } from './content';
import { escapeHtml, toHtml } from './layout';
import { renderDigest } from './render';

// A hand-made week whose figures are worked out below by hand. The digests go out at 08:00 on
// Monday 23 November 2026 (Algiers, UTC+1) about Sunday the 22nd; "the 7 days before" are 15–21.
//
// Sunday 22 (2026-11-21T23:00Z to 2026-11-22T23:00Z):
//   Djezzy   FULFILLED ×3 (one at 00:30 Algiers, still the 21st in UTC), REFUNDED ×1 (customer
//            refunded that day), UNKNOWN_ERROR ×1 (since 07:30 Algiers: 24.5 h at 08:00 Monday),
//            PENDING ×1                                                   → 3 of 5 settled, 60 %
//   Mobilis  FULFILLED ×2, REFUNDED ×1 (no customer refund: missing, due),
//            UNKNOWN_ERROR ×1 (since 21:00 Algiers: 11 h)                 → 2 of 4, 50 %
//   Ooredoo  FULFILLED ×1, REFUNDED ×1 (customer refund awaiting a second approval) → 1 of 2, 50 %
//   all      12 orders, 6 of 11 settled                                   → 54.5 %
// 15–21 November:
//   Djezzy   FULFILLED ×9 (one at 00:10 on the 15th, still the 14th in UTC), REFUNDED ×1 → 90 %
//   Mobilis  FULFILLED ×4 (one of them REFUNDED earlier, customer refunded on the 22nd: an extra
//            refund), REFUNDED ×1 (customer refunded on the 22nd)         → 80 %
//   Ooredoo  FULFILLED ×3, UNKNOWN_ERROR ×1 (since the 21st 05:30 Algiers: 50.5 h) → 75 %
//   Other    FULFILLED ×1                                                 → 100 %
//   all      17 of 20                                                     → 85 %
// Outside both: a Djezzy order at 23:30 on the 14th, a Mobilis one at 00:30 on the 23rd, and a
// Djezzy REFUNDED of 10 November never refunded to its customer (due, whatever the day).

const DAY = '2026-11-22';
const NOW = new Date('2026-11-23T07:00:00Z');
const DESK_URL = 'https://desk.example.dz/';
const GOLDEN = path.join(import.meta.dirname, 'golden');

let t: TestDb;
let manager: ManagerDigest;
let finance: FinanceDigest;
const pk: Record<string, number> = {};

type Order = {
  op: 'Djezzy' | 'Mobilis' | 'Ooredoo' | 'Other';
  status: 'PENDING' | 'FULFILLED' | 'REFUNDED' | 'UNKNOWN_ERROR';
  created: string;
  /** When we saw its current status; 30 s after creation unless said. */
  changed?: string;
  amount?: string;
  balance?: string;
  price?: string;
  unknownAt?: string;
};

async function order(topupId: string, o: Order) {
  const changed = o.changed ?? new Date(Date.parse(o.created) + 30_000).toISOString();
  const final = o.status === 'FULFILLED' || o.status === 'REFUNDED';
  const { rows } = await t.pool.query<{ id: string }>(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount, balance_amount,
       customer_price, upstream_created_at, source, status_changed_at, finalized_at, unknown_error_at)
     values ($1, $2, $3, $4, '0778037340', $5, $6, $7, $8, 'ingest', $9, $10, $11) returning id`,
    [
      topupId,
      o.status,
      `PREPAID_${o.op.toUpperCase()}`,
      o.op,
      o.amount ?? '500',
      o.balance ?? o.amount ?? '500',
      o.price ?? null,
      o.created,
      o.status === 'PENDING' ? o.created : changed,
      final ? changed : null,
      o.unknownAt ?? null,
    ],
  );
  pk[topupId] = Number(rows[0]?.id);
}

async function refund(topupId: string, amount: string, at: string, state = 'approved') {
  await t.pool.query(
    `insert into refunds (topup_pk, amount, created_via, created_at, state) values ($1, $2, 'user:fin@shop.dz', $3, $4)`,
    [pk[topupId], amount, at, state],
  );
  if (state === 'approved')
    await t.pool.query('update topups set refunded_at = $2 where id = $1', [pk[topupId], at]);
}

const fulfilled = (op: Order['op'], created: string): Order => ({
  op,
  status: 'FULFILLED',
  created,
});

beforeAll(async () => {
  t = await createTestDb();
  // Outside both windows.
  await order('old-due', {
    op: 'Djezzy',
    status: 'REFUNDED',
    created: '2026-11-10T09:00:00Z',
    amount: '300',
  });
  await order('before-week', fulfilled('Djezzy', '2026-11-14T22:30:00Z'));
  await order('today', fulfilled('Mobilis', '2026-11-22T23:30:00Z'));

  // 15–21 November.
  const djezzyWeek = [
    '2026-11-14T23:10:00Z',
    '2026-11-16T10:00:00Z',
    '2026-11-17T10:00:00Z',
    '2026-11-18T10:00:00Z',
    '2026-11-19T10:00:00Z',
    '2026-11-20T10:00:00Z',
    '2026-11-20T15:00:00Z',
    '2026-11-21T10:00:00Z',
    '2026-11-21T22:50:00Z',
  ];
  for (const [i, created] of djezzyWeek.entries())
    await order(`w-dj-${i}`, fulfilled('Djezzy', created));
  await order('w-dj-r', { op: 'Djezzy', status: 'REFUNDED', created: '2026-11-19T11:00:00Z' });
  await refund('w-dj-r', '500', '2026-11-19T12:00:00Z');
  for (const [i, created] of [
    '2026-11-16T09:00:00Z',
    '2026-11-18T09:00:00Z',
    '2026-11-21T09:00:00Z',
  ].entries())
    await order(`w-mo-${i}`, fulfilled('Mobilis', created));
  // Refunded by OneClick, refunded to the customer on the 22nd, then FULFILLED after all.
  await order('w-mo-extra', {
    op: 'Mobilis',
    status: 'FULFILLED',
    created: '2026-11-20T08:00:00Z',
    changed: '2026-11-22T14:00:00Z',
    amount: '200',
  });
  await refund('w-mo-extra', '200', '2026-11-22T13:00:00Z');
  await order('w-mo-r', {
    op: 'Mobilis',
    status: 'REFUNDED',
    created: '2026-11-21T17:50:00Z',
    changed: '2026-11-21T18:00:00Z',
    amount: '1000',
    balance: '990',
    price: '1000.50',
  });
  await refund('w-mo-r', '1000.50', '2026-11-22T08:00:00Z');
  for (const [i, created] of [
    '2026-11-15T12:00:00Z',
    '2026-11-17T12:00:00Z',
    '2026-11-19T12:00:00Z',
  ].entries())
    await order(`w-oo-${i}`, fulfilled('Ooredoo', created));
  await order('w-oo-u', {
    op: 'Ooredoo',
    status: 'UNKNOWN_ERROR',
    created: '2026-11-21T04:00:00Z',
    unknownAt: '2026-11-21T04:30:00Z',
  });
  await order('w-other', fulfilled('Other', '2026-11-18T12:00:00Z'));

  // Sunday 22 November.
  await order('dj-1', fulfilled('Djezzy', '2026-11-21T23:30:00Z'));
  await order('dj-2', fulfilled('Djezzy', '2026-11-22T08:00:00Z'));
  await order('dj-3', fulfilled('Djezzy', '2026-11-22T22:59:00Z'));
  await order('dj-r', {
    op: 'Djezzy',
    status: 'REFUNDED',
    created: '2026-11-22T09:00:00Z',
    changed: '2026-11-22T09:05:00Z',
    balance: '492.50',
  });
  await refund('dj-r', '500', '2026-11-22T10:00:00Z');
  await order('dj-u', {
    op: 'Djezzy',
    status: 'UNKNOWN_ERROR',
    created: '2026-11-22T06:00:00Z',
    unknownAt: '2026-11-22T06:30:00Z',
  });
  await order('dj-p', { op: 'Djezzy', status: 'PENDING', created: '2026-11-22T22:50:00Z' });
  await order('mo-1', fulfilled('Mobilis', '2026-11-22T10:00:00Z'));
  await order('mo-2', fulfilled('Mobilis', '2026-11-22T11:00:00Z'));
  await order('mo-r', {
    op: 'Mobilis',
    status: 'REFUNDED',
    created: '2026-11-22T12:00:00Z',
    changed: '2026-11-22T12:10:00Z',
    amount: '1000',
    balance: '985',
  });
  await order('mo-u', {
    op: 'Mobilis',
    status: 'UNKNOWN_ERROR',
    created: '2026-11-22T19:55:00Z',
    unknownAt: '2026-11-22T20:00:00Z',
  });
  await order('oo-1', fulfilled('Ooredoo', '2026-11-22T13:00:00Z'));
  await order('oo-r', {
    op: 'Ooredoo',
    status: 'REFUNDED',
    created: '2026-11-22T14:00:00Z',
    changed: '2026-11-22T14:20:00Z',
    amount: '6000',
    balance: '5910',
    price: '6150.75',
  });
  await refund('oo-r', '6150.75', '2026-11-22T14:30:00Z', 'awaiting_approval');

  await refreshRollups(t.db);
  [manager, finance] = await Promise.all([
    managerDigest(t.db, DAY, NOW),
    financeDigest(t.db, DAY, NOW),
  ]);
});
afterAll(() => t.close());

describe('the manager’s morning digest', () => {
  it('gives yesterday’s fulfilment by operator beside the 7 days before, over settled orders', () => {
    expect(manager.overall).toEqual({
      day: { rate: 6 / 11, fulfilled: 6, settled: 11, orders: 12 },
      week: { rate: 17 / 20, fulfilled: 17, settled: 20, orders: 20 },
    });
    const rates = manager.operators.map((o) => [o.operator, o.day.rate, o.week.rate]);
    expect(rates).toEqual([
      ['Djezzy', 3 / 5, 9 / 10],
      ['Mobilis', 2 / 4, 4 / 5],
      ['Ooredoo', 1 / 2, 3 / 4],
      ['Other', null, 1],
    ]);
  });

  it('counts the unknown-error backlog now, its oldest and those waiting 24 h or more', () => {
    expect(manager.unknown).toEqual({
      count: 3,
      oldestAt: new Date('2026-11-21T04:30:00Z'),
      overdue: 2,
    });
  });

  it('sums the customer refunds approved yesterday, in exact DZD', () => {
    expect(manager.refunds).toEqual({ count: 3, amount: '1700.50' });
  });
});

describe('the finance morning digest', () => {
  it('gives the refunds due now, whatever their day, and those awaiting a second approval', () => {
    expect(finance.due).toEqual({ count: 3, amount: '7450.75' });
    expect(finance.awaitingApproval).toEqual({ count: 1, amount: '6150.75' });
  });

  it('reconciles yesterday from our own rows: refunded, recorded, missing and extra', () => {
    expect(finance.reconciliation).toEqual({
      refunded: { count: 3, amount: '7387.50' },
      recorded: { count: 3, amount: '1700.50' },
      missing: { count: 2, amount: '6895.00', oldest: new Date('2026-11-22T12:10:00Z') },
      extra: { count: 1, amount: '200.00' },
    });
  });
});

function matchesGolden(name: string, actual: string) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual, `${name} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, 'utf8'));
}

describe.each(['manager', 'finance'] as const)('the %s digest, rendered', (kind) => {
  it.each(['en', 'fr', 'ar'] as const)('in %s reads exactly as its golden files', (locale) => {
    const rendered = renderDigest(kind === 'manager' ? manager : finance, locale, DESK_URL);
    matchesGolden(`${kind}.${locale}.txt`, `Subject: ${rendered.subject}\n\n${rendered.text}`);
    matchesGolden(`${kind}.${locale}.html`, rendered.html);
  });
});

describe('rendering', () => {
  it('says the figures in each language’s own way', () => {
    expect(renderDigest(manager, 'en', null).subject).toBe(
      'Manager digest for 22 November 2026: fulfilment 54.5%, 7-day average 85%',
    );
    expect(renderDigest(manager, 'fr', null).text).toContain(
      'Djezzy : 60\u00a0% (3 sur 5 finalisées)',
    );
    expect(renderDigest(finance, 'fr', null).subject).toBe(
      'Synthèse finance du 22 novembre 2026 : 3 remboursements dus, 7\u202f450,75\u00a0DA',
    );
  });

  it('writes Arabic right to left, in Arabic-Indic digits when the person chose them', () => {
    const { html, text } = renderDigest(finance, 'ar-arab', null);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(text).toContain('٧٬٤٥٠٫٧٥');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('links to the desk only at an http(s) address, and leaves the links out without one', () => {
    const links = (url: string | null) =>
      [...renderDigest(finance, 'en', url).html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links('https://desk.example.dz/flexy/')).toEqual([
      'https://desk.example.dz/flexy/refunds',
      'https://desk.example.dz/flexy/reconciliation?from=2026-11-09&amp;to=2026-11-22&amp;day=2026-11-22',
    ]);
    expect(links(null)).toEqual([]);
    expect(links('javascript:alert(1)')).toEqual([]);
  });

  it('escapes every text it puts in the HTML', () => {
    const hostile = '<script>alert("x")</script> & \'';
    const html = toHtml(
      {
        lang: 'en',
        dir: 'ltr',
        brand: hostile,
        title: hostile,
        date: hostile,
        blocks: [
          { kind: 'section', title: hostile },
          { kind: 'facts', rows: [{ label: hostile, value: { text: hostile, note: hostile } }] },
          { kind: 'links', links: [{ text: hostile, href: `https://x.dz/?q=${hostile}` }] },
        ],
        footer: [hostile],
      },
      hostile,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain(hostile);
    expect(html).toContain(escapeHtml(hostile));
  });

  it('on a desk with nothing yet, says "—" and "none", never 0 %', async () => {
    const empty = await createTestDb();
    try {
      const m = renderDigest(await managerDigest(empty.db, DAY, NOW), 'en', null);
      expect(m.subject).toBe('Manager digest for 22 November 2026: fulfilment —, 7-day average —');
      expect(m.text).toContain('No order was placed yesterday.');
      expect(m.text).toContain(
        'All operators: — (nothing settled) · 7-day average: — (nothing settled)',
      );
      expect(m.text).toContain('Oldest waiting: —');
      const f = renderDigest(await financeDigest(empty.db, DAY, NOW), 'en', null);
      expect(f.subject).toBe('Finance digest for 22 November 2026: no refund due');
      expect(f.text).toContain('Missing customer refunds: none');
    } finally {
      await empty.close();
    }
  });

  it('refuses a day that is not a date', async () => {
    await expect(managerDigest(t.db, '2026-02-30', NOW)).rejects.toThrow(RangeError);
  });
});
