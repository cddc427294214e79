import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { API_SCOPES, type ApiScope } from '../lib/api/scopes';
import { createToken } from '../lib/api/token-admin';
import { createOneClickClient } from '../lib/oneclick/client';
import { type Sandbox, startSandbox } from '../lib/sandbox';

// Shared set-up for the ingest API tests: a real emulator over HTTP, a client without retries
// (so "upstream down" answers at once), tokens, and whole-table snapshots to prove that a
// refused request changed nothing.

export async function startUpstream() {
  const sandbox = await startSandbox({ port: 0 });
  const client = createOneClickClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    maxRetries: 0,
  });
  return { sandbox, client };
}

/** A top-up the emulator accepted, as if the shop had just called /mobile/send. */
export function upstreamTopup(sandbox: Sandbox, extra: { ref?: string } = {}) {
  const view = sandbox.controls.createTopup({
    msisdn: '0778037340',
    planCode: 'PREPAID_DJEZZY',
    amount: 500,
    ...extra,
  });
  return { id: view._id, ref: view.ref, view };
}

export async function issueToken(db: Db, name: string, scopes: readonly ApiScope[] = API_SCOPES) {
  return db.transaction((tx) => createToken(tx, { name, createdBy: null, scopes }));
}

export function postRequest(
  body: BodyInit | null,
  opts: {
    token?: string | null;
    contentType?: string | null;
    headers?: Record<string, string>;
  } = {},
) {
  const headers = new Headers(opts.headers);
  if (opts.token !== null && opts.token !== undefined)
    headers.set('authorization', `Bearer ${opts.token}`);
  if (opts.contentType !== null)
    headers.set('content-type', opts.contentType ?? 'application/json');
  return new Request('http://desk.test/api/v1/topups', { method: 'POST', headers, body });
}

export function getRequest(key: string, token: string) {
  return new Request(`http://desk.test/api/v1/topups/${encodeURIComponent(key)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

/** Every row of the tables the ingest API may write, as text, for before/after comparison. */
export async function snapshot(db: Db) {
  const dump = async (table: string, order: string) => {
    const result = await db.execute(
      sql.raw(`select coalesce(json_agg(t order by ${order}), '[]')::text as rows from ${table} t`),
    );
    return String(result.rows[0]?.rows);
  };
  return {
    topups: await dump('topups', 'id'),
    topupEvents: await dump('topup_events', 'id'),
    ingestQueue: await dump('ingest_queue', 'topup_id'),
  };
}
