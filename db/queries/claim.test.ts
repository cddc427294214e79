import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/db';
import { claimDue, claimDueQuery } from './claim';

// A table of its own: the helper knows nothing of topups, deliveries, queues or rollups.
const work = pgTable('claim_test_work', {
  id: integer('id').primaryKey(),
  kind: text('kind').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
  claimedBy: text('claimed_by'),
  claimedUntil: timestamp('claimed_until', { withTimezone: true, mode: 'date' }),
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.pool.query(`create table claim_test_work (
    id int primary key, kind text not null, due_at timestamptz,
    claimed_by text, claimed_until timestamptz)`);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(work);
});

const T0 = new Date('2026-01-01T10:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);

async function add(n: number, dueIn = (i: number) => -i, kind = 'a') {
  const rows = Array.from({ length: n }, (_, i) => ({ id: i + 1, kind, dueAt: at(dueIn(i)) }));
  await t.db.insert(work).values(rows);
}

function leased(workerId: string, now: Date, limit = 100, ms = 30_000) {
  return claimDue(t.db, {
    table: work,
    key: work.id,
    dueAt: work.dueAt,
    now,
    limit,
    lease: { holder: work.claimedBy, until: work.claimedUntil, workerId, ms },
    returning: { id: work.id, by: work.claimedBy },
  });
}

describe('claiming due rows', () => {
  it('takes the oldest due rows first, up to the limit, and leaves rows not yet due', async () => {
    await add(6, (i) => [30, -5, -50, 0, -20, 10][i] ?? 0);
    const rows = await leased('w1', T0, 3);
    // The statement returns them in no particular order; they were picked oldest first.
    expect(rows.map((r) => r.id).sort()).toEqual([2, 3, 5]);
    expect(rows.every((r) => r.by === 'w1')).toBe(true);
    expect((await leased('w1', T0)).map((r) => r.id)).toEqual([4]);
  });

  it('workers claiming at once never take the same row, and together take every row', async () => {
    await add(200);
    const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => leased(`w${w}`, T0, 20)));
    expect(claims.every((c) => c.length <= 20)).toBe(true);
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const more = await leased('late', T0);
    expect(ids.length + more.length).toBe(200);
  });

  it('a held lease keeps the row from others until it runs out, then anyone may take it', async () => {
    await add(1);
    expect(await leased('dead', T0, 10, 30_000)).toHaveLength(1);
    expect(await leased('other', at(29))).toEqual([]);
    expect(await leased('other', at(31))).toEqual([{ id: 1, by: 'other' }]);
  });

  it('a postponed row comes due again when its lease runs out', async () => {
    await add(1);
    const postpone = (now: Date) =>
      claimDue(t.db, {
        table: work,
        key: work.id,
        dueAt: work.dueAt,
        now,
        limit: 10,
        lease: { postponeMs: 120_000 },
        returning: { id: work.id, dueAt: work.dueAt },
      });
    expect(await postpone(T0)).toEqual([{ id: 1, dueAt: at(120) }]);
    expect(await postpone(at(119))).toEqual([]);
    expect(await postpone(at(120))).toHaveLength(1);
  });
});

describe('taking rows for good inside a transaction', () => {
  const take = (db: Parameters<typeof claimDue>[0], kind: string, limit = 10) =>
    claimDue(db, {
      table: work,
      key: [work.kind, work.id],
      where: eq(work.kind, kind),
      orderBy: work.id,
      limit,
      lease: 'delete',
      returning: { id: work.id },
    });

  it('takes only the kind asked for, in order, and others skip what an open transaction took', async () => {
    await add(3, () => 0, 'a');
    await t.db.insert(work).values({ id: 99, kind: 'b', dueAt: T0 });
    await t.db.transaction(async (tx) => {
      expect(await take(tx, 'a', 2)).toEqual([{ id: 1 }, { id: 2 }]);
      // Another worker, meanwhile, neither waits nor takes the same rows.
      expect(await take(t.db, 'a')).toEqual([{ id: 3 }]);
    });
    const left = await t.db.select({ id: work.id }).from(work);
    expect(left).toEqual([{ id: 99 }]);
  });

  it('a claim used inside another statement hands it the rows, which never leave Postgres', async () => {
    await add(5, () => 0, 'a');
    await t.db.insert(work).values({ id: 99, kind: 'b', dueAt: T0 });
    const claim = claimDueQuery(t.db, {
      table: work,
      key: work.id,
      where: eq(work.kind, 'a'),
      orderBy: work.id,
      limit: 3,
      lease: 'delete',
      returning: { id: work.id },
    });
    const res = await t.db.execute<{ ids: number[] }>(
      sql`with taken as (${claim.getSQL()}) select array_agg(id order by id) as ids from taken`,
    );
    expect(res.rows[0]?.ids).toEqual([1, 2, 3]);
    const left = await t.db.select({ id: work.id }).from(work).orderBy(work.id);
    expect(left).toEqual([{ id: 4 }, { id: 5 }, { id: 99 }]);
  });

  it('a transaction that fails gives its rows back', async () => {
    await add(2);
    await expect(
      t.db.transaction(async (tx) => {
        expect(await take(tx, 'a')).toHaveLength(2);
        throw new Error('crashed mid-work');
      }),
    ).rejects.toThrow('crashed mid-work');
    const [{ n }] = (
      await t.db.execute<{ n: number }>(sql`select count(*)::int as n from claim_test_work`)
    ).rows as [{ n: number }];
    expect(n).toBe(2);
  });
});
