import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { journal, MIGRATIONS_FOLDER } from '../db/migrate';

// Rows a desk running the first release (drizzle 0000–0001) could hold, then what the refunds
// release (0007) added, written as plain SQL against THOSE schemas (not today's tables, which
// have moved on): db/upgrade.test.ts upgrades them and reads them back through today's queries.

/** The first release's migration set, as git shipped it (commit 5acb8fd). */
export const FIRST_RELEASE = path.join(import.meta.dirname, 'fixtures', 'first-release');

export const USERS = {
  admin: '3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b61',
  finance: '7a2b3c4d-6e8f-4a10-8b21-c3d4e5f6a712',
  support: 'b4c5d6e7-f809-4a1b-9c2d-3e4f5a6b7c83',
  manager: 'e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a24',
} as const;

/** The shop's bearer tokens; the database keeps only their SHA-256 (hex). */
export const TOKENS = {
  live: 'fdk_7Hq2vX9kLmN3pR8sT1uW4yZ6aB',
  revoked: 'fdk_Qe5rT7yU9iO1pA3sD5fG7hJ9kL',
  unused: 'fdk_Zx1cV3bN5mL7kJ9hG2fD4sA6qW',
} as const;

/** OneClick's upstream ids: 24 hex digits, the order's number last. */
export const topupId = (n: number) => `6741b0c2e8f1a3d5c7b9${String(n).padStart(4, '0')}`;

/** What the fixture holds once both releases wrote (db/upgrade.test.ts checks it survives). */
export const EXPECTED = {
  rows: {
    users: 4,
    api_tokens: 3,
    topups: 15,
    topup_events: 34,
    refunds: 5,
    audit_log: 8,
    app_state: 3,
    refund_deliveries: 3,
    refund_delivery_attempts: 3,
  },
  // REFUNDED with no refunded_at: 8 and 9 (refunded under the first release, see the test), 10,
  // 14 (awaiting approval) and 15 (rejected); 13 was refunded under the refunds release.
  buckets: { PENDING: 2, HANDLING: 2, FULFILLED: 3, REFUNDED: 6, UNKNOWN_ERROR: 2, refund_due: 5 },
  /** Approved refunds (the first release's count as approved: 0007's default) and their DZD. */
  approved: { refunds: 3, amount: '3550.00' },
} as const;

const WRONG_NUMBER = 'رقم الهاتف خاطئ، يرجى التأكد مع العميل';
const NO_BALANCE = 'الرصيد المطلوب غير متوفر لهذا الرقم';
const PLAN_MISMATCH = 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة';
const OFFERS = `[{"typename": "📋 FACTURE | فاتورة", "plan_code": "FACTURE_DJEZZY", "amount": 500}]`;

/**
 * Orders from a VALUES list, each with its timeline: `created`, then one `status_changed` per
 * step of its path (the last step is its status), 15 s apart.
 */
const orders = (values: string) => `
with o (n, ref, path, plan_code, operator, msisdn, amount, balance, customer_ref, customer_price,
    refund_message, offers, created, finalized, went_unknown) as (values ${values}),
  ins as (
    insert into topups (topup_id, ref, status, plan_code, operator, msisdn, topup_amount, balance_amount,
      customer_ref, customer_price, refund_message, suggested_offers, upstream_created_at, finalized_at,
      unknown_error_at, source, first_seen_at, status_changed_at, created_at, updated_at)
    select '6741b0c2e8f1a3d5c7b9' || lpad(n::text, 4, '0'), ref, path[cardinality(path)]::topup_status,
      plan_code, operator, msisdn, amount::numeric, balance::numeric, customer_ref, customer_price::numeric,
      refund_message, offers::jsonb, created::timestamptz, finalized::timestamptz, went_unknown::timestamptz,
      (case when ref is null then 'list-sync' else 'ingest' end)::event_source,
      created::timestamptz + interval '2 seconds',
      coalesce(finalized, went_unknown, created)::timestamptz, created::timestamptz + interval '2 seconds',
      coalesce(finalized, went_unknown, created)::timestamptz
    from o order by n
    returning id, topup_id, ref, upstream_created_at)
insert into topup_events (topup_pk, kind, from_status, to_status, source, actor, request_id, created_at)
select ins.id, (case when s.i = 1 then 'created' else 'status_changed' end)::event_kind,
  o.path[s.i - 1]::topup_status, s.status::topup_status,
  (case when s.i = 1 and ins.ref is not null then 'ingest' else 'poll' end)::event_source,
  case when s.i = 1 and ins.ref is not null then 'token:Boutique Bab Ezzouar' else 'engine' end,
  case when s.i = 1 and ins.ref is not null then 'req-' || substr(md5(ins.topup_id), 1, 8) end,
  ins.upstream_created_at + (s.i - 1) * interval '15 seconds'
from ins join o on '6741b0c2e8f1a3d5c7b9' || lpad(o.n::text, 4, '0') = ins.topup_id
  cross join lateral unnest(o.path) with ordinality s(status, i)
order by ins.id, s.i;`;

const pk = (n: number) => `(select id from topups where topup_id = '${topupId(n)}')`;

export const FIRST_RELEASE_ROWS = `
insert into users (id, email, name, role, password_hash, disabled, session_version, failed_login_count,
  last_failed_login_at, locked_until, last_login_at, locale, created_at, updated_at) values
('${USERS.admin}', 'amina.benali@flexy.dz', 'أمينة بن علي', 'admin', '$argon2id$v=19$m=19456,t=2,p=1$Hld/Iq5JW8ibjnvOqJNYSA$woVSlpKFEmTqI2GVrJQNpacOboLuNTbNdbsWA8OQvmw', false, 1, 0, null, null, '2026-11-24 07:58:12+00', 'ar', '2026-11-10 09:00:00+00', '2026-11-10 09:00:00+00'),
('${USERS.finance}', 'Karim.Haddad@flexy.dz', 'Karim Haddad', 'finance', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdC1rYXJpbS0wMQ$8cQ1m0Jt3Jd0l7xk2Yc2b6n9pQ4rS7tU0vW3xY6zA1B', false, 1, 0, null, null, '2026-11-24 08:03:40+00', 'fr', '2026-11-11 09:00:00+00', '2026-11-11 09:00:00+00'),
('${USERS.support}', 'yacine.merabet@flexy.dz', 'ياسين مرابط', 'support', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdC15YWNpbmUwMg$Qm9vT2x6aW5nLWhhc2gtZm9yLXRlc3RzLW9ubHktMDI', false, 1, 4, '2026-11-24 09:41:05+00', '2026-11-24 10:11:05+00', '2026-11-20 08:00:00+00', 'ar', '2026-11-12 09:00:00+00', '2026-11-24 09:41:05+00'),
('${USERS.manager}', 'nadia.cherif@flexy.dz', 'Nadia Chérif', 'manager', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdC1uYWRpYTAwMw$TmFkaWEtbGVmdC10aGUtY29tcGFueS1pbi1ub3ZlbWJlcg', true, 3, 0, null, null, null, null, '2026-11-13 09:00:00+00', '2026-11-21 17:00:00+00');

insert into api_tokens (name, prefix, token_hash, created_by, created_at, last_used_at, revoked_at) values
('Boutique Bab Ezzouar', '${TOKENS.live.slice(0, 8)}', encode(sha256('${TOKENS.live}'), 'hex'), '${USERS.admin}', '2026-11-15 10:30:00+00', '2026-11-24 09:59:30+00', null),
('Caisse Oran', '${TOKENS.revoked.slice(0, 8)}', encode(sha256('${TOKENS.revoked}'), 'hex'), '${USERS.admin}', '2026-11-16 10:30:00+00', '2026-11-22 16:10:00+00', '2026-11-22 16:20:00+00'),
('Kiosque Sétif', '${TOKENS.unused.slice(0, 8)}', encode(sha256('${TOKENS.unused}'), 'hex'), '${USERS.admin}', '2026-11-17 10:30:00+00', null, null);

${orders(`
(1, 'BEZ-10231', array['PENDING'], 'PREPAID_DJEZZY', 'Djezzy', '0770123456', '500.00', null, 'client-7781', '520.00', null, null, '2026-11-24 09:58:02+00', null, null),
(2, null, array['PENDING'], 'PREPAID_MOBILIS', 'Mobilis', '0661234567', '1000.00', null, null, null, null, null, '2026-11-24 09:59:40+00', null, null),
(3, 'BEZ-10229', array['PENDING', 'HANDLING'], 'PREPAID_OOREDOO', 'Ooredoo', '0550987654', '200.00', null, null, null, null, null, '2026-11-24 09:40:11+00', null, null),
(4, null, array['PENDING', 'HANDLING'], 'FACTURE_DJEZZY', 'Djezzy', '0798765432', '2500.00', null, null, null, null, null, '2026-11-24 09:41:55+00', null, null),
(5, 'ORN-5521', array['PENDING', 'HANDLING', 'FULFILLED'], 'PREPAID_DJEZZY', 'Djezzy', '0770555123', '500.00', '485.00', 'client-0412', '500.00', null, null, '2026-11-23 18:12:30+00', '2026-11-23 18:13:02+00', null),
(6, null, array['PENDING', 'FULFILLED'], 'PREPAID_MOBILIS', 'Mobilis', '0662000111', '1500.00', '1455.00', null, null, null, null, '2026-11-23 19:05:00+00', '2026-11-23 19:05:21+00', null),
(7, null, array['PENDING', 'HANDLING', 'UNKNOWN_ERROR', 'FULFILLED'], 'PREPAID_OOREDOO', 'Ooredoo', '0551112233', '100.00', '97.00', null, null, null, null, '2026-11-22 21:47:10+00', '2026-11-23 08:15:44+00', '2026-11-22 21:48:00+00'),
(8, 'BEZ-10102', array['PENDING', 'REFUNDED'], 'PREPAID_DJEZZY', 'Djezzy', '0771234000', '500.00', null, 'client-7781', '550.00', '${WRONG_NUMBER}', '${OFFERS}', '2026-11-22 10:03:27+00', '2026-11-22 10:03:43+00', null),
(9, null, array['PENDING', 'HANDLING', 'REFUNDED'], 'PREPAID_MOBILIS', 'Mobilis', '0663987001', '2000.00', null, null, null, '${NO_BALANCE}', null, '2026-11-21 14:30:00+00', '2026-11-21 14:31:12+00', null),
(10, null, array['PENDING', 'REFUNDED'], 'PREPAID_OOREDOO', 'Ooredoo', '0552468135', '300.00', null, null, null, '${PLAN_MISMATCH}', '[]', '2026-11-23 11:11:11+00', '2026-11-23 11:11:30+00', null),
(11, null, array['PENDING', 'HANDLING', 'UNKNOWN_ERROR'], 'PREPAID_DJEZZY', 'Djezzy', '0779000321', '1000.00', null, null, null, null, null, '2026-11-24 06:20:00+00', null, '2026-11-24 06:21:00+00'),
(12, 'BEZ-09988', array['PENDING', 'UNKNOWN_ERROR'], 'PREPAID_MOBILIS', 'Mobilis', '0660101010', '500.00', null, null, null, null, null, '2026-11-20 23:55:00+00', null, '2026-11-20 23:56:00+00')`)}

-- The engine's bookkeeping on the orders still in flight or in doubt.
update topups set last_checked_at = '2026-11-24 10:16:00+00', next_check_at = '2026-11-24 10:21:00+00',
  check_count = 4, consecutive_errors = 2, last_error = 'upstream 502 Bad Gateway', last_error_at = '2026-11-24 10:16:00+00'
where topup_id = '${topupId(11)}';
update topups set stuck = true, needs_review = true, check_count = 31 where topup_id = '${topupId(12)}';
update topups set next_check_at = '2026-11-24 10:00:00+00', claimed_by = 'web-1:4121', claimed_until = '2026-11-24 10:00:30+00'
where topup_id = '${topupId(3)}';

insert into topup_events (topup_pk, kind, source, actor_user_id, actor, request_id, message, payload, created_at) values
(${pk(12)}, 'note', 'manual', '${USERS.support}', 'yacine.merabet@flexy.dz', 'req-8c1f0a2e', 'الزبون اتصل مرتين، الرصيد لم يصل', '{"channel": "phone"}', '2026-11-21 09:12:00+00');

insert into refunds (topup_pk, amount, reason, note, created_by, created_via, created_at) values
(${pk(8)}, '550.00', 'wrong_number', 'رقم خاطئ، تم التعويض نقدا', '${USERS.finance}', 'user:karim.haddad@flexy.dz', '2026-11-22 11:00:00+00'),
(${pk(9)}, '2000.00', 'no_balance', null, null, 'token:Boutique Bab Ezzouar', '2026-11-21 15:02:10+00');

insert into audit_log (at, actor_user_id, actor_email, actor_role, action, outcome, target_type, target_id, details, request_id, ip) values
('2026-11-11 09:00:00+00', '${USERS.admin}', 'amina.benali@flexy.dz', 'admin', 'user.create', 'ok', 'user', '${USERS.finance}', '{"email": "karim.haddad@flexy.dz", "role": "finance"}', 'req-0001', '41.107.12.9'),
('2026-11-15 10:30:00+00', '${USERS.admin}', 'amina.benali@flexy.dz', 'admin', 'token.create', 'ok', 'api_token', 'Boutique Bab Ezzouar', '{"name": "Boutique Bab Ezzouar"}', 'req-0042', '41.107.12.9'),
('2026-11-22 16:20:00+00', '${USERS.admin}', 'amina.benali@flexy.dz', 'admin', 'token.revoke', 'ok', 'api_token', 'Caisse Oran', null, 'req-0317', '41.107.12.9'),
('2026-11-24 09:41:05+00', null, 'yacine.merabet@flexy.dz', null, 'auth.sign_in', 'denied', null, null, '{"reason": "bad_password"}', 'req-0588', '105.235.1.77'),
('2026-11-22 11:00:00+00', '${USERS.finance}', 'karim.haddad@flexy.dz', 'finance', 'refund.create', 'ok', 'topup', ${pk(8)}::text, '{"amount": "550.00", "note": "رقم خاطئ، تم التعويض نقدا"}', 'req-0402', '41.107.12.30'),
('2026-11-23 12:00:00+00', '${USERS.support}', 'yacine.merabet@flexy.dz', 'support', 'refund.create', 'denied', 'topup', ${pk(10)}::text, '{"reason": "role"}', 'req-0455', '105.235.1.77');

insert into app_state (key, value, updated_at) values
('sync:list-cursor', '{"after": "2026-11-24T09:55:00Z", "page": 3}', '2026-11-24 09:55:01+00'),
('lease:list-poll', '{"holder": "web-1", "until": "2026-11-24T10:00:30Z"}', '2026-11-24 10:00:00+00'),
('settings:refund-threshold', '{"dzd": "5000.00"}', '2026-11-12 14:00:00+00');`;

/** The refunds release: refunds in its states, the webhook outbox and its attempts. */
export const REFUNDS_RELEASE_ROWS = `
${orders(`
(13, 'BEZ-10377', array['PENDING', 'REFUNDED'], 'PREPAID_DJEZZY', 'Djezzy', '0770246810', '1000.00', null, null, null, '${WRONG_NUMBER}', null, '2026-11-25 08:00:05+00', '2026-11-25 08:00:20+00', null),
(14, null, array['PENDING', 'REFUNDED'], 'PREPAID_OOREDOO', 'Ooredoo', '0553000444', '6000.00', null, null, null, '${NO_BALANCE}', null, '2026-11-25 09:15:00+00', '2026-11-25 09:15:40+00', null),
(15, null, array['PENDING', 'REFUNDED'], 'PREPAID_MOBILIS', 'Mobilis', '0661357913', '200.00', null, null, null, '${PLAN_MISMATCH}', '${OFFERS}', '2026-11-25 10:45:00+00', '2026-11-25 10:45:15+00', null)`)}

insert into refunds (topup_pk, amount, created_by, created_via, created_at, state, approval_reason, decided_by, decided_at, decision_note) values
(${pk(13)}, '1000.00', '${USERS.finance}', 'user:karim.haddad@flexy.dz', '2026-11-25 08:30:00+00', 'approved', null, null, null, null),
(${pk(14)}, '6000.00', '${USERS.support}', 'user:yacine.merabet@flexy.dz', '2026-11-25 09:20:00+00', 'awaiting_approval', 'above_threshold', null, null, null),
(${pk(15)}, '200.00', '${USERS.support}', 'user:yacine.merabet@flexy.dz', '2026-11-25 10:50:00+00', 'rejected', null, '${USERS.finance}', '2026-11-25 11:05:00+00', 'العرض متوفر، أعد الإرسال بدل التعويض');
update topups set refunded_at = '2026-11-25 08:30:00+00', updated_at = '2026-11-25 08:30:00+00' where topup_id = '${topupId(13)}';

insert into refund_deliveries (refund_id, state, attempts, next_attempt_at, last_status_code, last_error, delivered_at, created_at)
select r.id, v.state::delivery_state, v.attempts, v.next_at::timestamptz, v.code, v.error, v.delivered::timestamptz, v.created::timestamptz
from (values
  ('${topupId(13)}', 'delivered', 2, null, 200, null, '2026-11-25 08:31:05+00', '2026-11-25 08:30:00+00'),
  ('${topupId(8)}', 'pending', 1, '2026-11-25 12:00:00+00', null, 'connect ECONNREFUSED 10.0.0.5:443', null, '2026-11-25 11:59:00+00'),
  ('${topupId(9)}', 'not_configured', 0, null, null, null, null, '2026-11-25 11:59:00+00')
) v (topup_id, state, attempts, next_at, code, error, delivered, created)
join topups t using (topup_id) join refunds r on r.topup_pk = t.id;

insert into refund_delivery_attempts (refund_id, at, status_code, latency_ms, error, trigger)
select r.id, v.at::timestamptz, v.code, v.ms, v.error, v.trigger
from (values
  ('${topupId(13)}', '2026-11-25 08:30:01+00', 503, 812, null, 'worker'),
  ('${topupId(13)}', '2026-11-25 08:31:05+00', 200, 143, null, 'worker'),
  ('${topupId(8)}', '2026-11-25 11:59:01+00', null, 3004, 'connect ECONNREFUSED 10.0.0.5:443', 'manual')
) v (topup_id, at, code, ms, error, trigger)
join topups t using (topup_id) join refunds r on r.topup_pk = t.id
order by v.at;

insert into audit_log (at, actor_user_id, actor_email, actor_role, action, outcome, target_type, target_id, details) values
('2026-11-25 09:20:00+00', '${USERS.support}', 'yacine.merabet@flexy.dz', 'support', 'refund.request', 'ok', 'topup', ${pk(14)}::text, '{"amount": "6000.00", "approvalReason": "above_threshold"}'),
('2026-11-25 11:05:00+00', '${USERS.finance}', 'karim.haddad@flexy.dz', 'finance', 'refund.reject', 'ok', 'topup', ${pk(15)}::text, '{"note": "العرض متوفر، أعد الإرسال بدل التعويض"}');`;

export type Snapshot = Map<string, { columns: string[]; rows: unknown[][] }>;

/** Every row of every table of the public schema, as Postgres returns them, in a stable order. */
export async function snapshot(db: pg.Pool): Promise<Snapshot> {
  const { rows } = await db.query<{ table: string; columns: string[] }>(`
    select table_name as table, array_agg(column_name::text order by ordinal_position) as columns
    from information_schema.columns where table_schema = 'public' group by 1 order by 1`);
  const out: Snapshot = new Map();
  for (const t of rows) out.set(t.table, await project(db, t.table, t.columns));
  return out;
}

/** These columns of a table, every row, ordered by all of them. */
export async function project(db: pg.Pool, table: string, columns: string[]) {
  const list = columns.map((c) => pg.escapeIdentifier(c)).join(', ');
  const order = columns.map((_, i) => i + 1).join(', ');
  const res = await db.query<unknown[]>({
    text: `select ${list} from ${pg.escapeIdentifier(table)} order by ${order}`,
    rowMode: 'array',
  });
  return { columns, rows: res.rows };
}

/** The rows of `table` before and now, in the columns `before` had that `now` still has. */
export function keptColumns(before: Snapshot, now: Snapshot, table: string) {
  const old = before.get(table);
  const cur = now.get(table);
  if (!old || !cur) throw new Error(`table ${table} is missing`);
  const kept = old.columns.filter((c) => cur.columns.includes(c));
  const pick = (rows: unknown[][], columns: string[]) =>
    rows.map((r) => kept.map((c) => r[columns.indexOf(c)]));
  return { before: pick(old.rows, old.columns), after: pick(cur.rows, cur.columns), kept };
}

/** One value of a snapshot: in the row whose first column is `key`. */
export function cell(snap: Snapshot, table: string, key: unknown, column: string) {
  const t = snap.get(table);
  return t?.rows.find((r) => r[0] === key)?.[t.columns.indexOf(column)];
}

/** A temp migrations folder: today's journal and files, plus one more migration (`tag`, `sql`). */
export function migrationsPlus(tag: string, sql: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'flexy-migrations-plus-'));
  const today = journal();
  for (const e of today.entries)
    copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  const last = today.entries.at(-1) ?? { idx: -1, when: 0 };
  const extra = { idx: last.idx + 1, version: '7', when: last.when + 1, tag, breakpoints: true };
  writeFileSync(path.join(folder, `${tag}.sql`), sql);
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...today, entries: [...today.entries, extra] }),
  );
  return folder;
}
