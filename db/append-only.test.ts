import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function seedTopupWithEvent() {
  const { rows } = await t.pool.query<{ id: number }>(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount,
       upstream_created_at, source)
     values ($1, 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest')
     returning id`,
    [`t-${Math.random()}`],
  );
  const topupPk = rows[0]?.id;
  await t.pool.query(
    `insert into topup_events (topup_pk, kind, to_status, source, actor)
     values ($1, 'created', 'PENDING', 'ingest', 'test')`,
    [topupPk],
  );
  return topupPk;
}

describe('history tables are append-only, even for a superuser connection', () => {
  it('audit_log accepts inserts and rejects UPDATE, DELETE and TRUNCATE', async () => {
    await t.pool.query(`insert into audit_log (action, outcome) values ('user.create', 'ok')`);
    await expect(t.pool.query(`update audit_log set outcome = 'denied'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(t.pool.query('delete from audit_log')).rejects.toThrow(/append-only: DELETE/);
    await expect(t.pool.query('truncate audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await t.pool.query('select action, outcome from audit_log');
    expect(rows).toEqual([{ action: 'user.create', outcome: 'ok' }]);
  });

  it('topup_events rejects UPDATE, DELETE and TRUNCATE and keeps the row', async () => {
    const topupPk = await seedTopupWithEvent();
    await expect(
      t.pool.query(`update topup_events set to_status = 'FULFILLED' where topup_pk = $1`, [
        topupPk,
      ]),
    ).rejects.toThrow(/append-only: UPDATE/);
    await expect(
      t.pool.query('delete from topup_events where topup_pk = $1', [topupPk]),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(t.pool.query('truncate topup_events cascade')).rejects.toThrow(/append-only/);
    const { rows } = await t.pool.query('select to_status from topup_events where topup_pk = $1', [
      topupPk,
    ]);
    expect(rows).toEqual([{ to_status: 'PENDING' }]);
  });

  it('the connection really is a superuser, so the triggers are what stops it', async () => {
    const { rows } = await t.pool.query(
      'select rolsuper from pg_roles where rolname = current_user',
    );
    expect(rows[0]?.rolsuper).toBe(true);
  });
});
