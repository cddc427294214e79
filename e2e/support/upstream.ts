import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { topupSchema } from '../../lib/oneclick/schemas';
import type { Runtime } from '../../lib/runtime/data-dir';
import { observe } from '../../lib/sync/observe';
import { testDb } from './db';
import { E2E } from './env';

// The e2e desk runs against the local sandbox; tests place orders there the way a merchant's
// shop would, through the emulator's own HTTP API.

function sandbox() {
  const runtime = JSON.parse(
    readFileSync(path.join(E2E.dataDir, 'runtime.json'), 'utf8'),
  ) as Runtime;
  if (!runtime.oneclick) throw new Error('the e2e desk is not running against the sandbox');
  return runtime.oneclick;
}

export async function sendTopup(msisdn: string, opts: { planCode?: string; amount?: number } = {}) {
  const { baseUrl, apiKey } = sandbox();
  const ref = `e2e-${randomBytes(5).toString('hex')}`;
  const res = await fetch(`${baseUrl}/mobile/send`, {
    method: 'POST',
    headers: { 'X-Access-Token': apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      plan_code: opts.planCode ?? 'PREPAID_DJEZZY',
      MSSIDN: msisdn,
      amount: opts.amount ?? 500,
      ref,
    }),
  });
  const body = (await res.json()) as {
    success: boolean;
    data: { topupId: string; topupRef: string };
  };
  if (!body.success) throw new Error(`sandbox send failed: ${JSON.stringify(body)}`);
  return { topupId: body.data.topupId, ref };
}

/** Sends a top-up and registers it in the desk, as the shop's ingest call would. */
export async function placeOrder(
  msisdn: string,
  opts: { planCode?: string; amount?: number } = {},
) {
  const sent = await sendTopup(msisdn, opts);
  const { baseUrl, apiKey } = sandbox();
  const res = await fetch(`${baseUrl}/mobile/check-id/${sent.topupId}`, {
    headers: { 'X-Access-Token': apiKey },
  });
  const body = (await res.json()) as { data: unknown };
  const topup = topupSchema.parse(body.data);
  const { topupPk } = await observe(testDb().db, {
    topup,
    source: 'ingest',
    actor: { name: 'e2e' },
    now: new Date(),
  });
  return { ...sent, id: topupPk };
}
