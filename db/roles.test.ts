import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAnonymousRefusal, recordAudit, SYSTEM_ACTOR } from '../lib/audit';
import { topupSchema } from '../lib/oneclick/schemas';
import { refreshRollups } from '../lib/reports/rollup';
import { observe } from '../lib/sync/observe';
import { createTestDb, type TestDb } from '../test/db';
import { createDb } from './client';
import { ensureRuntimeRole } from './roles';

// The desk runs as a role that owns nothing: the append-only triggers are then out of its
// reach, not only in its way. The suite's own databases stay on the owner (see global-setup).

let t: TestDb;
let app: ReturnType<typeof createDb>;
const role = `flexy_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(18).toString('base64url');

function as(url: string, user: string, secret: string) {
  const u = new URL(url);
  u.username = user;
  u.password = secret;
  return u.toString();
}

beforeAll(async () => {
  t = await createTestDb();
  await ensureRuntimeRole(t.url, { role, password });
  app = createDb(as(t.url, role, password), 4);
  await t.pool.query(`insert into audit_log (action, outcome) values ('seed', 'ok')`);
  const { rows } = await t.pool.query<{ id: number }>(
    `insert into topups (topup_id, status, plan_code, operator, msisdn, topup_amount,
       upstream_created_at, source)
     values ('roles-1', 'PENDING', 'PREPAID_DJEZZY', 'Djezzy', '0778037340', 500, now(), 'ingest')
     returning id`,
  );
  await t.pool.query(
    `insert into topup_events (topup_pk, kind, to_status, source, actor)
     values ($1, 'created', 'PENDING', 'ingest', 'test')`,
    [rows[0]?.id],
  );
});
afterAll(async () => {
  await app?.pool.end();
  await t.close();
});

const refused = /permission denied|must be owner/;

describe('the runtime role cannot rewrite history', () => {
  it('adds and reads audit rows and events, and may not update, delete or truncate them', async () => {
    await app.pool.query(`insert into audit_log (action, outcome) values ('by-app', 'ok')`);
    const { rows } = await app.pool.query('select action from audit_log order by id');
    expect(rows.map((r) => r.action)).toEqual(['seed', 'by-app']);
    await expect(app.pool.query(`update audit_log set outcome = 'denied'`)).rejects.toThrow(
      refused,
    );
    await expect(app.pool.query('delete from topup_events')).rejects.toThrow(refused);
    await expect(app.pool.query('delete from refund_delivery_attempts')).rejects.toThrow(refused);
    await expect(app.pool.query('truncate audit_log')).rejects.toThrow(refused);
    await expect(app.pool.query('truncate topup_events cascade')).rejects.toThrow(refused);
  });

  it('may not disable, drop or replace the triggers that guard them', async () => {
    for (const statement of [
      'alter table audit_log disable trigger all',
      'alter table topup_events disable trigger topup_events_append_only',
      'drop trigger audit_log_append_only on audit_log',
      'drop function forbid_history_rewrite() cascade',
      'create or replace function forbid_history_rewrite() returns trigger language plpgsql as $$ begin return new; end $$',
      'alter table audit_log owner to current_user',
    ])
      await expect(app.pool.query(statement), statement).rejects.toThrow(refused);
    const { rows } = await t.pool.query(
      `select count(*)::int as n from pg_trigger
       where tgname = 'audit_log_append_only' and tgenabled = 'O'`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('owns nothing and cannot create tables of its own', async () => {
    await expect(app.pool.query('create table mine (id int)')).rejects.toThrow(refused);
    const { rows } = await t.pool.query(
      `select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner
       where r.rolname = $1`,
      [role],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('the desk works as the runtime role', () => {
  it('records and updates top-ups with their events, refreshes rollups, audits and counts', async () => {
    const topup = (status: 'PENDING' | 'FULFILLED') =>
      topupSchema.parse({
        _id: 'roles-2',
        status,
        plan_code: 'PREPAID_DJEZZY',
        MSSIDN: '0778037340',
        topup_amount: 500,
        balance_amount: 496.25,
        created_at: '2026-11-01T12:00:00+01:00',
      });
    const now = new Date('2026-11-01T11:00:10Z');
    await observe(app.db, { topup: topup('PENDING'), source: 'ingest', actor: { name: 't' }, now });
    const done = await observe(app.db, {
      topup: topup('FULFILLED'),
      source: 'poll',
      actor: { name: 't' },
      now: new Date(now.getTime() + 5000),
    });
    expect(done.status).toBe('FULFILLED');
    await refreshRollups(app.db);
    await recordAudit(app.db, { actor: SYSTEM_ACTOR, action: 'by-app', outcome: 'ok' });
    await countAnonymousRefusal(app.db, { action: 'by-app', reason: 'signed_out' });
    await countAnonymousRefusal(app.db, { action: 'by-app', reason: 'signed_out' });
    const { rows } = await t.pool.query(
      `select count from anonymous_refusals where action = 'by-app'`,
    );
    expect(rows).toEqual([{ count: '2' }]);
  });

  it('may use a table a later migration adds', async () => {
    await t.pool.query(
      'create table later_feature (id bigint generated always as identity, x text)',
    );
    await app.pool.query(`insert into later_feature (x) values ('ok')`);
    await app.pool.query(`update later_feature set x = 'changed'`);
    await expect(app.pool.query('truncate later_feature')).rejects.toThrow(refused);
  });
});

describe('setting up the runtime role', () => {
  it('can run again, from several instances at once, and keeps the password it was given', async () => {
    await Promise.all([1, 2, 3].map(() => ensureRuntimeRole(t.url, { role, password })));
    const { rows } = await app.pool.query('select current_user as me');
    expect(rows).toEqual([{ me: role }]);
    await expect(app.pool.query('delete from audit_log')).rejects.toThrow(refused);
  });

  it('refuses to hand the desk a role that owns the tables or is a superuser', async () => {
    const { rows } = await t.pool.query<{ me: string }>('select current_user as me');
    await expect(ensureRuntimeRole(t.url, { role: rows[0]?.me ?? '' })).rejects.toThrow(
      /owner|superuser/,
    );
  });

  it('says so when another grantor left the role a right its REVOKE cannot take back', async () => {
    const grantor = `${role}_grantor`;
    await t.pool.query(`create role ${grantor}`);
    await t.pool.query(`grant truncate on audit_log to ${grantor} with grant option`);
    const asGrantor = async (statement: string) => {
      const client = await t.pool.connect();
      try {
        await client.query(`set role ${grantor}`);
        await client.query(statement);
      } finally {
        await client.query('reset role');
        client.release();
      }
    };
    await asGrantor(`grant truncate on audit_log to ${role}`);
    const warnings = await ensureRuntimeRole(t.url, { role, password });
    expect(warnings.join('\n')).toMatch(/audit_log/);
    await asGrantor(`revoke truncate on audit_log from ${role}`);
    expect(await ensureRuntimeRole(t.url, { role, password })).toEqual([]);
  });

  it('without a password it leaves an existing role’s password alone', async () => {
    await ensureRuntimeRole(t.url, { role });
    const client = new pg.Client({ connectionString: as(t.url, role, password) });
    await client.connect();
    await client.end();
  });
});
