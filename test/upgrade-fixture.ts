import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

// Rows a desk running the first release (drizzle 0000–0001) could hold, then what the refunds
// release (0007) added on top, written as plain SQL against THOSE schemas: db/upgrade.test.ts
// upgrades them to today's and reads them back through the app's queries.

/** The first release's migration set, as git shipped it (5acb8fd). */
export const FIRST_RELEASE = path.join(import.meta.dirname, 'fixtures', 'first-release');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$';

export const USERS = {
  admin: '3f1c2a9e-5b7d-4e21-9a0c-1d2e3f4a5b61',
  finance: '7a2b3c4d-6e8f-4a10-8b21-c3d4e5f6a712',
  support: 'b4c5d6e7-f809-4a1b-9c2d-3e4f5a6b7c83',
  manager: 'e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a24',
} as const;

/** users: one per role; the support agent was locked out by failed sign-ins, the manager left. */
export const users = [
  { id: USERS.admin, email: 'amina.benali@flexy.dz', name: 'أمينة بن علي', role: 'admin',
    locale: 'ar', last_login_at: '2026-11-24T07:58:12Z' },
  { id: USERS.finance, email: 'Karim.Haddad@flexy.dz', name: 'Karim Haddad', role: 'finance',
    locale: 'fr', last_login_at: '2026-11-24T08:03:40Z' },
  { id: USERS.support, email: 'yacine.merabet@flexy.dz', name: 'ياسين مرابط', role: 'support',
    failed_login_count: 4, last_failed_login_at: '2026-11-24T09:41:05Z',
    locked_until: '2026-11-24T10:11:05Z' },
  { id: USERS.manager, email: 'nadia.cherif@flexy.dz', name: 'Nadia Chérif', role: 'manager',
    disabled: true, session_version: 3 },
].map((u, i) => ({
  password_hash: `${HASH}${sha256(`salt-${i}`).slice(0, 22)}$${sha256(`pw-${i}`).slice(0, 43)}`,
  disabled: false,
  session_version: 1,
  failed_login_count: 0,
  created_at: `2026-11-1${i}T09:00:00Z`,
  updated_at: `2026-11-1${i}T09:00:00Z`,
  ...u,
}));

/** The shop's bearer tokens: only their SHA-256 is stored. */
export const tokens = [
  { name: 'Boutique Bab Ezzouar', secret: 'fdk_7Hq2vX9kLmN3pR8sT1uW4yZ6', used: '2026-11-24T09:59:30Z' },
  { name: 'Caisse Oran', secret: 'fdk_Qe5rT7yU9iO1pA3sD5fG7hJ9', revoked: '2026-11-22T16:20:00Z' },
  { name: 'Kiosque Sétif', secret: 'fdk_Zx1cV3bN5mL7kJ9hG2fD4sA6' },
].map((t, i) => ({
  name: t.name,
  prefix: t.secret.slice(0, 8),
  token_hash: sha256(t.secret),
  secret: t.secret,
  created_by: USERS.admin,
  created_at: `2026-11-1${5 + i}T10:30:00Z`,
  last_used_at: t.used ?? null,
  revoked_at: t.revoked ?? null,
}));

const OFFERS = [{ typename: '📋 FACTURE | فاتورة', plan_code: 'FACTURE_DJEZZY', amount: 500 }];
type Status = 'PENDING' | 'HANDLING' | 'FULFILLED' | 'REFUNDED' | 'UNKNOWN_ERROR';
type Order = {
  topup_id: string;
  path: Status[];
  operator: string;
  plan_code: string;
  msisdn: string;
  topup_amount: string;
  upstream_created_at: string;
  [column: string]: unknown;
};

const order = (n: number, path: Status[], at: string, rest: Omit<Order, 'topup_id' | 'path' | 'upstream_created_at'>): Order => ({
  topup_id: `6741b0c2e8f1a3d5c7b9${String(n).padStart(4, '0')}`,
  path,
  upstream_created_at: at,
  ...rest,
});
const P: Status = 'PENDING';
const H: Status = 'HANDLING';
const U: Status = 'UNKNOWN_ERROR';

/** topups in every status of the first release (the last step of `path` is the status). */
export const firstOrders: Order[] = [
  order(1, [P], '2026-11-24T09:58:02Z', { operator: 'Djezzy', plan_code: 'PREPAID_DJEZZY', msisdn: '0770123456', topup_amount: '500.00', ref: 'BEZ-10231', customer_ref: 'client-7781', customer_price: '520.00' }),
  order(2, [P], '2026-11-24T09:59:40Z', { operator: 'Mobilis', plan_code: 'PREPAID_MOBILIS', msisdn: '0661234567', topup_amount: '1000.00' }),
  order(3, [P, H], '2026-11-24T09:40:11Z', { operator: 'Ooredoo', plan_code: 'PREPAID_OOREDOO', msisdn: '0550987654', topup_amount: '200.00', ref: 'BEZ-10229' }),
  order(4, [P, H], '2026-11-24T09:41:55Z', { operator: 'Djezzy', plan_code: 'FACTURE_DJEZZY', msisdn: '0798765432', topup_amount: '2500.00' }),
  order(5, [P, H, 'FULFILLED'], '2026-11-23T18:12:30Z', { operator: 'Djezzy', plan_code: 'PREPAID_DJEZZY', msisdn: '0770555123', topup_amount: '500.00', balance_amount: '485.00', finalized_at: '2026-11-23T18:13:02Z', ref: 'ORN-5521' }),
  order(6, [P, 'FULFILLED'], '2026-11-23T19:05:00Z', { operator: 'Mobilis', plan_code: 'PREPAID_MOBILIS', msisdn: '0662000111', topup_amount: '1500.00', balance_amount: '1455.00', finalized_at: '2026-11-23T19:05:21Z' }),
  order(7, [P, H, U, 'FULFILLED'], '2026-11-22T21:47:10Z', { operator: 'Ooredoo', plan_code: 'PREPAID_OOREDOO', msisdn: '0551112233', topup_amount: '100.00', balance_amount: '97.00', unknown_error_at: '2026-11-22T21:48:00Z', finalized_at: '2026-11-23T08:15:44Z' }),
  order(8, [P, 'REFUNDED'], '2026-11-22T10:03:27Z', { operator: 'Djezzy', plan_code: 'PREPAID_DJEZZY', msisdn: '0771234000', topup_amount: '500.00', refund_message: 'رقم الهاتف خاطئ، يرجى التأكد مع العميل', suggested_offers: OFFERS, finalized_at: '2026-11-22T10:03:43Z', ref: 'BEZ-10102', customer_price: '550.00' }),
  order(9, [P, H, 'REFUNDED'], '2026-11-21T14:30:00Z', { operator: 'Mobilis', plan_code: 'PREPAID_MOBILIS', msisdn: '0663987001', topup_amount: '2000.00', refund_message: 'الرصيد المطلوب غير متوفر لهذا الرقم', finalized_at: '2026-11-21T14:31:12Z' }),
  order(10, [P, 'REFUNDED'], '2026-11-23T11:11:11Z', { operator: 'Ooredoo', plan_code: 'PREPAID_OOREDOO', msisdn: '0552468135', topup_amount: '300.00', refund_message: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة', finalized_at: '2026-11-23T11:11:30Z' }),
  order(11, [P, H, U], '2026-11-24T06:20:00Z', { operator: 'Djezzy', plan_code: 'PREPAID_DJEZZY', msisdn: '0779000321', topup_amount: '1000.00', unknown_error_at: '2026-11-24T06:21:00Z', next_check_at: '2026-11-24T10:21:00Z', check_count: 4, last_error: 'upstream 502 Bad Gateway' }),
  order(12, [P, U], '2026-11-20T23:55:00Z', { operator: 'Mobilis', plan_code: 'PREPAID_MOBILIS', msisdn: '0660101010', topup_amount: '500.00', unknown_error_at: '2026-11-20T23:56:00Z', stuck: true, needs_review: true }),
];

/** Orders of the refunds release: one refunded and notified, one awaiting, one rejected. */
export const refundsReleaseOrders: Order[] = [
  order(13, [P, 'REFUNDED'], '2026-11-25T08:00:05Z', { operator: 'Djezzy', plan_code: 'PREPAID_DJEZZY', msisdn: '0770246810', topup_amount: '1000.00', refund_message: 'رقم الهاتف خاطئ، يرجى التأكد مع العميل', finalized_at: '2026-11-25T08:00:20Z', refunded_at: '2026-11-25T08:30:00Z' }),
  order(14, [P, 'REFUNDED'], '2026-11-25T09:15:00Z', { operator: 'Ooredoo', plan_code: 'PREPAID_OOREDOO', msisdn: '0553000444', topup_amount: '6000.00', refund_message: 'الرصيد المطلوب غير متوفر لهذا الرقم', finalized_at: '2026-11-25T09:15:40Z' }),
  order(15, [P, 'REFUNDED'], '2026-11-25T10:45:00Z', { operator: 'Mobilis', plan_code: 'PREPAID_MOBILIS', msisdn: '0661357913', topup_amount: '200.00', refund_message: 'هذا العرض غير متوافق مع هذا الرقم جرب فاتورة', finalized_at: '2026-11-25T10:45:15Z' }),
];

/** Inserts `rows` (same columns for every row; a missing key is NULL) through json_populate_recordset. */
export async function insertRows<T = Record<string, unknown>>(
  db: pg.Pool | pg.PoolClient,
  table: string,
  rows: Record<string, unknown>[],
  returning?: string,
): Promise<T[]> {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map(pg.escapeIdentifier);
  const list = columns.join(', ');
  const res = await db.query(
    `insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1)${returning ? ` returning ${returning}` : ''}`,
    [JSON.stringify(rows)],
  );
  return res.rows as T[];
}

/** The topups row of an order, and its timeline: created, then one status change per step. */
export async function insertOrders(db: pg.Pool, orders: Order[]): Promise<Map<string, number>> {
  const rows = orders.map(({ path: steps, ...o }) => ({
    ...o,
    status: steps.at(-1),
    source: o.ref ? 'ingest' : 'list-sync',
    first_seen_at: o.upstream_created_at,
    status_changed_at: o.finalized_at ?? o.unknown_error_at ?? o.upstream_created_at,
    created_at: o.upstream_created_at,
    updated_at: o.finalized_at ?? o.upstream_created_at,
  }));
  const ids = await insertRows<{ id: string; topup_id: string }>(db, 'topups', rows, 'id, topup_id');
  const pk = new Map(ids.map((r) => [r.topup_id, Number(r.id)]));
  const events = orders.flatMap((o) =>
    o.path.map((to, i) => ({
      topup_pk: pk.get(o.topup_id),
      kind: i === 0 ? 'created' : 'status_changed',
      from_status: i === 0 ? null : o.path[i - 1],
      to_status: to,
      source: i === 0 && o.ref ? 'ingest' : 'poll',
      actor: i === 0 && o.ref ? 'token:Boutique Bab Ezzouar' : 'engine',
      created_at: new Date(Date.parse(o.upstream_created_at) + i * 15_000).toISOString(),
    })),
  );
  await insertRows(db, 'topup_events', events);
  return pk;
}

export const appState = [
  { key: 'sync:list-cursor', value: { after: '2026-11-24T09:55:00Z', page: 3 } },
  { key: 'lease:list-poll', value: { holder: 'web-1', until: '2026-11-24T10:00:30Z' } },
  { key: 'settings:refund-threshold', value: { dzd: '5000.00' } },
];

/** The first release's rows; returns the order pks by upstream id. */
export async function fillFirstRelease(db: pg.Pool): Promise<Map<string, number>> {
  await insertRows(db, 'users', users);
  await insertRows(db, 'api_tokens', tokens.map(({ secret: _, ...t }) => t));
  const pk = await insertOrders(db, firstOrders);
  const of = (n: number) => pk.get(firstOrders[n - 1]?.topup_id ?? '');
  await insertRows(db, 'topup_events', [
    { topup_pk: of(12), kind: 'note', source: 'manual', actor_user_id: USERS.support,
      actor: 'yacine.merabet@flexy.dz', message: 'الزبون اتصل مرتين، الرصيد لم يصل', request_id: 'req-8c1f' },
  ]);
  await insertRows(db, 'refunds', [
    { topup_pk: of(8), amount: '550.00', reason: 'wrong_number', note: 'رقم خاطئ، تم التعويض نقدا',
      created_by: USERS.finance, created_via: 'user:karim.haddad@flexy.dz', created_at: '2026-11-22T11:00:00Z' },
    { topup_pk: of(9), amount: '2000.00', reason: 'no_balance', created_by: null,
      created_via: 'Boutique Bab Ezzouar', created_at: '2026-11-21T15:02:10Z' },
  ]);
  await insertRows(db, 'audit_log', [
    { at: '2026-11-11T09:00:00Z', actor_user_id: USERS.admin, actor_email: 'amina.benali@flexy.dz', actor_role: 'admin', action: 'user.create', outcome: 'ok', target_type: 'user', target_id: USERS.finance, details: { email: 'karim.haddad@flexy.dz', role: 'finance' }, request_id: 'req-0001', ip: '41.107.12.9' },
    { at: '2026-11-15T10:30:00Z', actor_user_id: USERS.admin, actor_email: 'amina.benali@flexy.dz', actor_role: 'admin', action: 'token.create', outcome: 'ok', target_type: 'api_token', target_id: 'Boutique Bab Ezzouar', details: { name: 'Boutique Bab Ezzouar' }, ip: '41.107.12.9' },
    { at: '2026-11-22T16:20:00Z', actor_user_id: USERS.admin, actor_email: 'amina.benali@flexy.dz', actor_role: 'admin', action: 'token.revoke', outcome: 'ok', target_type: 'api_token', target_id: 'Caisse Oran' },
    { at: '2026-11-24T09:41:05Z', actor_email: 'yacine.merabet@flexy.dz', action: 'auth.sign_in', outcome: 'denied', details: { reason: 'bad_password' }, ip: '105.235.1.77' },
    { at: '2026-11-22T11:00:00Z', actor_user_id: USERS.finance, actor_email: 'karim.haddad@flexy.dz', actor_role: 'finance', action: 'refund.create', outcome: 'ok', target_type: 'topup', target_id: String(of(8)), details: { amount: '550.00', note: 'رقم خاطئ، تم التعويض نقدا' } },
    { at: '2026-11-23T12:00:00Z', actor_user_id: USERS.support, actor_email: 'yacine.merabet@flexy.dz', actor_role: 'support', action: 'refund.create', outcome: 'denied', target_type: 'topup', target_id: String(of(10)), details: { reason: 'role' } },
  ]);
  await insertRows(db, 'app_state', appState);
  return pk;
}

/** What the refunds release (0007) added: refunds in its states, the webhook outbox and attempts. */
export async function fillRefundsRelease(db: pg.Pool, pk: Map<string, number>) {
  const more = await insertOrders(db, refundsReleaseOrders);
  const of = (n: number) => pk.get(firstOrders[n - 1]?.topup_id ?? '') ?? more.get(refundsReleaseOrders[n - 13]?.topup_id ?? '');
  const ids = await insertRows<{ id: string; topup_pk: string }>(db, 'refunds', [
    { topup_pk: of(13), amount: '1000.00', created_by: USERS.finance, created_via: 'user:karim.haddad@flexy.dz', created_at: '2026-11-25T08:30:00Z', state: 'approved' },
    { topup_pk: of(14), amount: '6000.00', created_by: USERS.support, created_via: 'user:yacine.merabet@flexy.dz', created_at: '2026-11-25T09:20:00Z', state: 'awaiting_approval', approval_reason: 'above_threshold' },
    { topup_pk: of(15), amount: '200.00', created_by: USERS.support, created_via: 'user:yacine.merabet@flexy.dz', created_at: '2026-11-25T10:50:00Z', state: 'rejected', decided_by: USERS.finance, decided_at: '2026-11-25T11:05:00Z', decision_note: 'العرض متوفر، أعد الإرسال بدل التعويض' },
  ], 'id, topup_pk');
  const [r8, r9] = (await db.query<{ id: string }>('select id from refunds where topup_pk in ($1, $2) order by topup_pk', [of(8), of(9)])).rows;
  const r13 = ids[0]?.id;
  await insertRows(db, 'refund_deliveries', [
    { refund_id: r13, state: 'delivered', attempts: 2, last_status_code: 200, delivered_at: '2026-11-25T08:31:05Z', created_at: '2026-11-25T08:30:00Z' },
    { refund_id: r8?.id, state: 'pending', attempts: 1, next_attempt_at: '2026-11-25T12:00:00Z', last_error: 'connect ECONNREFUSED 10.0.0.5:443', created_at: '2026-11-25T11:59:00Z' },
    { refund_id: r9?.id, state: 'not_configured', created_at: '2026-11-25T11:59:00Z' },
  ]);
  await insertRows(db, 'refund_delivery_attempts', [
    { refund_id: r13, at: '2026-11-25T08:30:01Z', status_code: 503, latency_ms: 812, trigger: 'worker' },
    { refund_id: r13, at: '2026-11-25T08:31:05Z', status_code: 200, latency_ms: 143, trigger: 'worker' },
    { refund_id: r8?.id, at: '2026-11-25T11:59:01Z', latency_ms: 3004, error: 'connect ECONNREFUSED 10.0.0.5:443', trigger: 'manual' },
  ]);
  await insertRows(db, 'audit_log', [
    { at: '2026-11-25T09:20:00Z', actor_user_id: USERS.support, actor_email: 'yacine.merabet@flexy.dz', actor_role: 'support', action: 'refund.request', outcome: 'ok', target_type: 'topup', target_id: String(of(14)), details: { amount: '6000.00', approvalReason: 'above_threshold' } },
    { at: '2026-11-25T11:05:00Z', actor_user_id: USERS.finance, actor_email: 'karim.haddad@flexy.dz', actor_role: 'finance', action: 'refund.reject', outcome: 'ok', target_type: 'topup', target_id: String(of(15)) },
  ]);
}

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

/** Some columns of a table, every row, ordered by all of them. */
export async function project(db: pg.Pool, table: string, columns: string[]) {
  const list = columns.map(pg.escapeIdentifier).join(', ');
  const order = columns.map((_, i) => i + 1).join(', ');
  const res = await db.query({
    text: `select ${list} from ${pg.escapeIdentifier(table)} order by ${order}`,
    rowMode: 'array',
  });
  return { columns, rows: res.rows as unknown[][] };
}
