import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { emailKey } from '../lib/auth/throttle';
import { ensureDatabase } from '../lib/runtime/embedded-postgres';
import { DESK_TIME_ZONE } from '../lib/time/algiers';
import {
  cell,
  EXPECTED,
  FIRST_RELEASE,
  FIRST_RELEASE_ROWS,
  keptColumns,
  migrationsPlus,
  project,
  REFUNDS_RELEASE_ROWS,
  type Snapshot,
  snapshot,
  TOKENS,
  topupId,
  USERS,
} from '../test/upgrade-fixture';
import { createDb, type Db } from './client';
import { journal, MIGRATIONS_FOLDER, migrateTo, runMigrations } from './migrate';
import { findTokenByHash, listTokens } from './queries/api-tokens';
import { readState } from './queries/app-state';
import { listAudit } from './queries/audit';
import { findSignInUser, throttleRows } from './queries/auth';
import { allBucketCounts } from './queries/counts';
import { ordersByIdOrRef, topupByIdOrRef, topupByTopupId } from './queries/lookup';
import { getLinkedOrders, getOrder, listEvents } from './queries/order-detail';
import { countOrders, listOrders, type OrderQuery, tabCounts } from './queries/orders-list';
import { noticeEvent, refundNotice } from './queries/refund-outbox';
import {
  listAwaitingApproval,
  listDeliveryAttempts,
  listRecentRefunds,
  listRefundsDue,
  refundsDueTotals,
  refundView,
} from './queries/refunds';
import { countsBetween, refundsByBucket } from './queries/reports';
import { addLoggedChanges, pendingChanges, rebuildAll } from './queries/rollups';
import { countUsers, findSessionUser, listUsers } from './queries/users';

// "Upgrades keep data": a database holding the first release's rows (and the refunds release's)
// is upgraded by today's migrations; every row must still be there, unchanged, and readable
// through today's queries. Migrations are forward-only and transactional (db/migrate.ts).

/** Columns 0013 dropped after carrying what they held over to sign_in_throttle. */
const DROPPED = ['users.failed_login_count', 'users.last_failed_login_at', 'users.locked_until'];

let url: string;
let db: Db;
let pool: pg.Pool;
let firstRelease: Snapshot;
let refundsRelease: Snapshot;
let upgraded: Snapshot;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pkOf = async (n: number) => (await ordersByIdOrRef(db, topupId(n), 1)).byId?.id ?? Number.NaN;

beforeAll(async () => {
  const adminUrl = inject('pgAdminUrl');
  const name = `flexy_upgrade_${randomBytes(5).toString('hex')}`;
  await ensureDatabase(adminUrl, name); // empty: no template
  const at = new URL(adminUrl);
  at.pathname = `/${name}`;
  url = at.toString();
  ({ db, pool } = createDb(url, 4));

  await runMigrations(url, FIRST_RELEASE);
  await pool.query(FIRST_RELEASE_ROWS);
  firstRelease = await snapshot(pool);

  const refundsMigration = journal().entries.findIndex((e) => e.tag === '0007_refunds');
  await migrateTo(url, refundsMigration + 1);
  await pool.query(REFUNDS_RELEASE_ROWS);
  refundsRelease = await snapshot(pool);

  await runMigrations(url);
  upgraded = await snapshot(pool);
}, 120_000);
afterAll(() => pool?.end());

const sameColumns = (before: Snapshot, table: string) => keptColumns(before, upgraded, table);

describe('released migrations never change', () => {
  it("the first release's migrations are byte for byte what it shipped, and still lead the journal", () => {
    for (const file of ['0000_init.sql', '0001_append_only.sql']) {
      const today = readFileSync(path.join(MIGRATIONS_FOLDER, file));
      expect(today.equals(readFileSync(path.join(FIRST_RELEASE, file))), file).toBe(true);
    }
    const released = journal(FIRST_RELEASE).entries.map(({ tag, when }) => ({ tag, when }));
    const today = journal().entries.map(({ tag, when }) => ({ tag, when }));
    expect(released).toHaveLength(2);
    expect(today.slice(0, released.length)).toEqual(released);
  });
});

describe('an upgrade from the first release keeps every row', () => {
  it("applies every migration of today's journal, once", async () => {
    const { rows } = await pool.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(rows[0]?.n).toBe(journal().entries.length);
  });

  it('keeps the count of every table that held rows', () => {
    const counts = Object.fromEntries(
      Object.keys(EXPECTED.rows).map((t) => [t, upgraded.get(t)?.rows.length]),
    );
    expect(counts).toEqual(EXPECTED.rows);
  });

  it('keeps every value of every row, in every column that still exists', () => {
    const dropped: string[] = [];
    for (const [table, old] of refundsRelease) {
      const { before, after, kept } = sameColumns(refundsRelease, table);
      dropped.push(...old.columns.filter((c) => !kept.includes(c)).map((c) => `${table}.${c}`));
      expect(after, table).toEqual(before);
    }
    for (const table of firstRelease.keys()) {
      const { before, after } = sameColumns(firstRelease, table);
      expect(after, table).toEqual(expect.arrayContaining(before));
    }
    expect(dropped).toEqual(DROPPED);
  });

  it('carries the first release’s sign-in lockout over to the throttle (0013)', async () => {
    const emails = ['amina.benali@flexy.dz', 'karim.haddad@flexy.dz', 'yacine.merabet@flexy.dz'];
    expect(await throttleRows(db, emails.map(emailKey))).toEqual([
      {
        key: emailKey('yacine.merabet@flexy.dz'),
        failures: 4,
        lockedUntil: new Date('2026-11-24T10:11:05Z'),
      },
    ]);
  });
});

describe("the upgraded rows read back through today's queries", () => {
  it('every order opens with its fields, its refund amount and its whole timeline', async () => {
    const raw = await project(pool, 'topups', ['id', 'topup_id', 'status', 'topup_amount']);
    expect(raw.rows).toHaveLength(EXPECTED.rows.topups);
    let events = 0;
    for (const [id, upstreamId, status, amount] of raw.rows) {
      const order = await getOrder(db, Number(id));
      expect(order).toMatchObject({ topupId: upstreamId, status, topupAmount: amount });
      if (!order) throw new Error(`order ${id} does not open`);
      expect(await getLinkedOrders(db, order)).toMatchObject({ parent: null });
      const timeline = await listEvents(db, Number(id));
      expect(timeline[0]?.kind).toBe('created');
      expect(timeline.filter((e) => e.toStatus).at(-1)?.toStatus).toBe(status);
      events += timeline.length;
    }
    expect(events).toBe(EXPECTED.rows.topup_events);

    const refunded = await getOrder(db, await pkOf(8));
    expect(refunded).toMatchObject({
      refundMessage: 'رقم الهاتف خاطئ، يرجى التأكد مع العميل',
      suggestedOffers: [
        { typename: '📋 FACTURE | فاتورة', plan_code: 'FACTURE_DJEZZY', amount: 500 },
      ],
      customerPrice: '550.00',
      refundAmount: '550.00',
      upstreamCreatedAt: new Date('2026-11-22T10:03:27Z'),
    });
    const note = (await listEvents(db, await pkOf(12))).find((e) => e.kind === 'note');
    expect(note).toMatchObject({ message: 'الزبون اتصل مرتين، الرصيد لم يصل', source: 'manual' });
  });

  it("the shop's API finds orders by upstream id and by ref", async () => {
    expect(await topupByTopupId(db, topupId(5))).toMatchObject({
      ref: 'ORN-5521',
      balanceAmount: '485.00',
    });
    expect(await topupByIdOrRef(db, 'BEZ-10231')).toMatchObject({
      topupId: topupId(1),
      status: 'PENDING',
      customerRef: 'client-7781',
      customerPrice: '520.00',
    });
  });

  it('the orders list pages through every order in every tab, newest first', async () => {
    const query = (over: Partial<OrderQuery>): OrderQuery => ({
      tab: 'all',
      sort: 'created',
      dir: 'desc',
      size: 50,
      ...over,
    });
    const seen: { id: number; upstreamCreatedAt: Date }[] = [];
    for (let after: string | undefined, pages = 0; pages < 10; pages++) {
      const page = await listOrders(db, query({ size: 4, after }));
      seen.push(...page.rows);
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(seen.map((r) => r.id)).size).toBe(EXPECTED.rows.topups);
    const times = seen.map((r) => r.upstreamCreatedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    for (const [tab, n] of Object.entries(EXPECTED.buckets)) {
      const f = query({ tab: tab as OrderQuery['tab'] });
      expect((await listOrders(db, f)).rows, tab).toHaveLength(n);
      expect(await countOrders(db, f), tab).toEqual({ n, exact: true });
    }
    expect(await countOrders(db, query({ operator: 'Djezzy' }))).toEqual({ n: 6, exact: true });
  });

  it('the tab counters were filled from the orders already there (0004 backfills)', async () => {
    expect(Object.fromEntries(await allBucketCounts(db))).toEqual(EXPECTED.buckets);
    expect((await tabCounts(db)).all).toBe(EXPECTED.rows.topups);
  });

  it('refunds keep their amounts, states, deliveries and webhook attempts', async () => {
    expect(await refundView(db, await pkOf(8))).toMatchObject({
      amount: '550.00',
      state: 'approved', // 0007's default for the refunds recorded before it
      note: 'رقم خاطئ، تم التعويض نقدا',
      byName: 'Karim Haddad',
      delivery: 'pending',
      deliveryAttempts: 1,
    });
    expect(await refundView(db, await pkOf(9))).toMatchObject({ delivery: 'not_configured' });
    expect(await refundView(db, await pkOf(15))).toMatchObject({
      state: 'rejected',
      delivery: null,
    });
    const awaiting = await listAwaitingApproval(db);
    expect(awaiting.map((r) => [r.topupPk, r.approvalReason])).toEqual([
      [await pkOf(14), 'above_threshold'],
    ]);
    const recent = await listRecentRefunds(db);
    expect(recent.map((r) => [r.topupPk, r.delivery])).toEqual([
      [await pkOf(13), 'delivered'],
      [await pkOf(8), 'pending'],
      [await pkOf(9), 'not_configured'],
    ]);
    const delivered = await refundView(db, await pkOf(13));
    const attempts = await listDeliveryAttempts(db, delivered?.id ?? '');
    expect(attempts.map((a) => a.statusCode)).toEqual([200, 503]);
  });

  it("the webhook outbox still tells the merchant's system about every approved refund", async () => {
    const view = await refundView(db, await pkOf(8));
    const id = view?.id ?? '';
    expect(await noticeEvent(db, id)).toBe('refund.created'); // 0019's default
    expect(await refundNotice(db, id)).toEqual({
      refundId: id,
      topupId: topupId(8),
      ref: 'BEZ-10102',
      phone: '0771234000',
      amount: '550.00',
      customerRef: 'client-7781',
      refundedAt: null,
      createdAt: new Date('2026-11-22T11:00:00Z'),
    });
  });

  // 0003 added topups.refunded_at without filling it from the refunds already recorded, so an
  // order refunded under the first release is "refund due" again after the upgrade (the
  // refund itself is kept, and is the one the order page shows).
  it('the refunds due queue lists REFUNDED orders whose refunded_at is empty', async () => {
    const due = await listRefundsDue(db);
    expect(due.map((r) => r.topupId)).toEqual([9, 8, 10, 14, 15].map(topupId));
    expect(due.find((r) => r.topupId === topupId(14))?.awaiting).toBe(true);
    expect(await refundsDueTotals(db)).toEqual({ count: 5, total: '9050.00' });
  });

  it('the audit log reads back newest first, and stays append-only', async () => {
    const rows = await listAudit(db);
    expect(rows).toHaveLength(EXPECTED.rows.audit_log);
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort((a, b) => b - a));
    expect(rows.find((r) => r.action === 'refund.create' && r.outcome === 'ok')?.details).toEqual({
      amount: '550.00',
      note: 'رقم خاطئ، تم التعويض نقدا',
    });
    await expect(pool.query(`update audit_log set outcome = 'error'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(pool.query('delete from topup_events')).rejects.toThrow(/append-only: DELETE/);
    const { rows: triggers } = await pool.query<{ tgname: string }>(
      `select tgname from pg_trigger where tgname like '%append_only' or tgname like '%no_truncate' order by 1`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual([
      'audit_log_append_only',
      'audit_log_no_truncate',
      'refund_delivery_attempts_append_only',
      'refund_delivery_attempts_no_truncate',
      'topup_events_append_only',
      'topup_events_no_truncate',
    ]);
    expect(await listAudit(db)).toEqual(rows);
  });

  it("the shop's tokens still authenticate, and a revoked one stays revoked", async () => {
    expect(await findTokenByHash(db, sha256(TOKENS.live))).toMatchObject({
      name: 'Boutique Bab Ezzouar',
      revokedAt: null,
      lastUsedAt: new Date('2026-11-24T09:59:30Z'),
      scopes: ['read', 'register', 'refund'], // 0013 gives existing tokens every scope
    });
    expect(await findTokenByHash(db, sha256(TOKENS.revoked))).toMatchObject({
      revokedAt: new Date('2026-11-22T16:20:00Z'),
    });
    expect(await findTokenByHash(db, sha256('fdk_never-issued'))).toBeNull();
    expect((await listTokens(db)).map((t) => t.createdByEmail)).toEqual(
      Array(3).fill('amina.benali@flexy.dz'),
    );
  });

  it('people keep their accounts, roles, passwords and sessions', async () => {
    expect(await countUsers(db)).toBe(EXPECTED.rows.users);
    const people = (await listUsers(db)).map((u) => [u.name, u.role, u.disabled]);
    expect(people).toHaveLength(EXPECTED.rows.users);
    expect(people).toEqual(
      expect.arrayContaining([
        ['أمينة بن علي', 'admin', false],
        ['Karim Haddad', 'finance', false],
        ['Nadia Chérif', 'manager', true],
        ['ياسين مرابط', 'support', false],
      ]),
    );
    const karim = await findSignInUser(db, 'karim.haddad@flexy.dz');
    expect(karim?.passwordHash).toBe(cell(firstRelease, 'users', USERS.finance, 'password_hash'));
    expect(karim).toMatchObject({ id: USERS.finance, role: 'finance', totpEnabledAt: null });
    expect(await findSessionUser(db, USERS.manager)).toMatchObject({
      disabled: true,
      sessionVersion: 3,
      mustChangePassword: false,
    });
    expect(await readState(db, 'sync:list-cursor')).toEqual({
      after: '2026-11-24T09:55:00Z',
      page: 3,
    });
  });

  it('the report rollups catch up from the orders already there (0017), as a rebuild would', async () => {
    expect(await pendingChanges(db)).toBe(EXPECTED.rows.topups + EXPECTED.rows.refunds);
    await db.transaction(async (tx) => {
      await addLoggedChanges(tx, 'topups', 1000);
      await addLoggedChanges(tx, 'refunds', 1000);
    });
    const span = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
    const { refund_due: _, ...b } = EXPECTED.buckets;
    expect(await countsBetween(db, span)).toEqual({
      orders: EXPECTED.rows.topups,
      pending: b.PENDING,
      handling: b.HANDLING,
      fulfilled: b.FULFILLED,
      refunded: b.REFUNDED,
      unknown: b.UNKNOWN_ERROR,
    });
    expect(
      await refundsByBucket(db, { ...span, granularity: 'day', timeZone: DESK_TIME_ZONE }),
    ).toEqual([
      { key: '2026-11-21', refunds: 1, amount: '2000.00' },
      { key: '2026-11-22', refunds: 1, amount: '550.00' },
      { key: '2026-11-25', refunds: 1, amount: '1000.00' },
    ]);
    const rollups = await snapshot(pool);
    await db.transaction((tx) => rebuildAll(tx));
    const rebuilt = await snapshot(pool);
    for (const table of ['topup_hourly', 'ttf_hourly', 'refund_hourly'])
      expect(rebuilt.get(table), table).toEqual(rollups.get(table));
  });
});

describe('a migration that fails changes nothing', () => {
  it('a migration whose second statement fails leaves the columns, rows and journal as they were', async () => {
    const folder = migrationsPlus(
      '9999_fails',
      'ALTER TABLE "topups" DROP COLUMN "refund_message";--> statement-breakpoint\nSELECT 1 / 0;',
    );
    try {
      const messages = () => project(pool, 'topups', ['id', 'refund_message']);
      const before = await messages();
      const journalRows = async () =>
        (await pool.query('select hash, created_at from drizzle.__drizzle_migrations order by id'))
          .rows;
      const journalBefore = await journalRows();

      // drizzle wraps the error ("Failed query: …"); Postgres's own is its cause.
      const failure = await runMigrations(url, folder).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toMatchObject({ cause: { code: '22012', message: 'division by zero' } });
      expect(await messages()).toEqual(before);
      expect(await journalRows()).toEqual(journalBefore);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
