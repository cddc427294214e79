import { createHmac } from 'node:crypto';
import type { Db } from '../../db/client';
import {
  claimDueDeliveries,
  lockDeliveryAttempts,
  noticeEvent,
  recordDeliveryAttempt,
  recordDeliveryOutcome,
  refundNotice,
  resendNotice,
} from '../../db/queries/refund-outbox';
import { backoffDelay, POLICIES } from '../backoff';

// Telling the merchant's own system that a customer was refunded, or that a refunded top-up was
// re-sent with a suggested offer: a signed JSON POST per notice, retried with backoff until it
// answers 2xx. The refund's (or re-send's) id is the idempotency key, so a redelivery (after a
// crash between sending and recording, or asked by finance) is safe.

export type WebhookConfig = { url: string; secret: string; timeoutMs?: number };
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const LEASE_MS = 60_000;

/** Finance's redelivery, for the refunds page (the outbox's SQL lives in db/queries). */

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as the receiver recomputes it. */
export function signature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** The JSON body of a notice: a refund recorded, or a refunded top-up re-sent. */
export async function webhookPayload(db: Db, noticeId: string) {
  if ((await noticeEvent(db, noticeId)) === 'topup.resent') {
    const row = await resendNotice(db, noticeId);
    if (!row?.newTopupId) return null;
    return {
      event: 'topup.resent',
      resendId: row.resendId,
      topupId: row.topupId,
      ref: row.ref,
      phone: row.phone,
      customerRef: row.customerRef,
      planCode: row.planCode,
      amount: row.amount,
      currency: 'DZD',
      newTopupId: row.newTopupId,
      newRef: row.newRef,
      resentAt: (row.sentAt ?? new Date(0)).toISOString(),
    };
  }
  const row = await refundNotice(db, noticeId);
  if (!row) return null;
  return {
    event: 'refund.created',
    refundId: row.refundId,
    topupId: row.topupId,
    ref: row.ref,
    phone: row.phone,
    amount: row.amount,
    currency: 'DZD',
    customerRef: row.customerRef,
    refundedAt: (row.refundedAt ?? row.createdAt).toISOString(),
  };
}

/**
 * An error text fit to store and show: REFUND_WEBHOOK_URL may carry `user:password@`, and
 * errors quote URLs (Node refuses to fetch one with credentials and names it in the message).
 * Credentials in any URL go, and the configured password wherever it appears, raw or encoded.
 */
export function redactSecrets(text: string, url: string): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1[redacted]@');
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    // Not a URL: nothing more to look for.
  }
  if (password) {
    let decoded = password;
    try {
      decoded = decodeURIComponent(password);
    } catch {
      // Malformed escapes: only the raw form can appear.
    }
    for (const secret of new Set([password, decoded])) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** One POST, recorded as an attempt; the delivery row moves to delivered or is backed off. */
export async function deliverOnce(
  deps: { db: Db; config: WebhookConfig; now: () => Date; fetch?: FetchLike },
  refundId: string,
  trigger: string,
): Promise<'delivered' | 'failed'> {
  const payload = await webhookPayload(deps.db, refundId);
  if (!payload) return 'failed';
  const body = JSON.stringify(payload);
  const started = Date.now();
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await (deps.fetch ?? fetch)(deps.config.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': refundId,
        'x-flexy-event': payload.event,
        'x-flexy-signature': signature(deps.config.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(deps.config.timeoutMs ?? 10_000),
    });
    status = res.status;
    await res.body?.cancel().catch(() => {});
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (e) {
    error = redactSecrets(e instanceof Error ? e.message : String(e), deps.config.url);
  }
  const latencyMs = Date.now() - started;
  const now = deps.now();
  const ok = error === null;
  await deps.db.transaction(async (tx) => {
    await recordDeliveryAttempt(tx, {
      refundId,
      at: now,
      statusCode: status,
      latencyMs,
      error,
      trigger,
    });
    const attempts = (await lockDeliveryAttempts(tx, refundId)) + 1;
    const wait = backoffDelay(attempts, POLICIES.webhook);
    await recordDeliveryOutcome(tx, {
      refundId,
      attempts,
      delivered: ok,
      at: now,
      retryAt: ok ? null : new Date(now.getTime() + wait),
      statusCode: status,
      error,
    });
  });
  return ok ? 'delivered' : 'failed';
}

/** The outbox step: claim due deliveries (db/queries/claim.ts: SKIP LOCKED + lease), send them. */
export async function drainDeliveries(deps: {
  db: Db;
  config: WebhookConfig;
  now: () => Date;
  workerId: string;
  fetch?: FetchLike;
  limit?: number;
}) {
  const claimed = await claimDueDeliveries(deps.db, {
    now: deps.now(),
    workerId: deps.workerId,
    leaseMs: LEASE_MS,
    limit: deps.limit ?? 10,
  });
  const results = await Promise.all(
    claimed.map((r) => deliverOnce(deps, r.refundId, `worker:${deps.workerId}`)),
  );
  return {
    delivered: results.filter((r) => r === 'delivered').length,
    failed: results.filter((r) => r === 'failed').length,
  };
}
