import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { type ClaimedNotice, claimDueNotices, recordNoticeOutcome } from '../../db/queries/alerts';
import { backoffDelay, POLICIES } from '../backoff';
import { type FetchLike, redactSecrets, signature } from '../refunds/webhook';
import { webhookSecret } from './channels';

// The notices outbox: claim due notices (SKIP LOCKED + a lease: one worker sends each), send
// each once, record it sent or back it off. Email goes over SMTP with nodemailer; the webhook
// is a JSON POST signed like the refund webhook (X-Flexy-Signature: t=…,v1=HMAC-SHA256).

/** After this many failed tries a notice is given up and shown as such. */
export const NOTICE_MAX_ATTEMPTS = 10;

export type Mailer = {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
    messageId?: string;
  }): Promise<unknown>;
  /** The SMTP URL, for redacting its password from errors. */
  url: string;
};

const mailers = new Map<string, Mailer>();

/** A send that has not finished by then is given up for this try, well within the lease. */
export const SEND_DEADLINE_MS = 30_000;

const withDeadline = <T>(work: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });

/** One pooled SMTP transport per URL (smtp:// with STARTTLS when offered, or smtps://). */
export function smtpMailer(url: string): Mailer {
  let mailer = mailers.get(url);
  if (!mailer) {
    // A few pooled connections (providers refuse bursts of new ones); with a password, never
    // send it before STARTTLS.
    const withPassword = new URL(url).password !== '';
    const transport = nodemailer.createTransport(url, {
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      dnsTimeout: 10_000,
      ...(withPassword && url.startsWith('smtp:') ? { requireTLS: true } : {}),
    } as never);
    mailer = { url, send: (mail) => transport.sendMail(mail) };
    mailers.set(url, mailer);
  }
  return mailer;
}

export type SendDeps = {
  db: Db;
  now: () => Date;
  workerId: string;
  mailer: Mailer | null;
  from: string;
  fetch?: FetchLike;
  limit?: number;
};

export async function drainNotices(deps: SendDeps) {
  const claimed = await claimDueNotices(deps.db, {
    now: deps.now(),
    workerId: deps.workerId,
    limit: deps.limit ?? 20,
  });
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  // Tests go out on a saved webhook even while it is switched off: sign with its secret.
  const secret = claimed.some((n) => n.channel === 'webhook') ? await webhookSecret(deps.db) : null;
  const results = await Promise.all(
    claimed.map(async (notice) => {
      const error = await sendOne(deps, notice, secret);
      const at = deps.now();
      const attempts = notice.attempts + 1;
      const outcome =
        error === null
          ? ({ sent: true, at } as const)
          : ({
              sent: false,
              at,
              error,
              retryAt:
                attempts >= NOTICE_MAX_ATTEMPTS
                  ? null
                  : new Date(at.getTime() + backoffDelay(attempts, POLICIES.notice)),
            } as const);
      // One notice's bookkeeping failing does not undo the others' (they were sent).
      await recordNoticeOutcome(deps.db, notice.id, deps.workerId, outcome).catch(() => false);
      return error === null;
    }),
  );
  return {
    sent: results.filter(Boolean).length,
    failed: results.filter((r) => !r).length,
  };
}

type Payload = { event?: unknown; alert?: { key?: unknown } };

/** What the notice is, for mail filters and receivers: X-Flexy-Event, X-Flexy-Alert. */
function flexyHeaders(notice: ClaimedNotice): Record<string, string> {
  const payload = (notice.payload ?? {}) as Payload;
  const event = typeof payload.event === 'string' ? payload.event : notice.kind;
  const key = payload.alert?.key;
  return { 'X-Flexy-Event': event, ...(typeof key === 'string' ? { 'X-Flexy-Alert': key } : {}) };
}

/** Sends one notice; the error text (secrets redacted) or null when it went out. */
async function sendOne(deps: SendDeps, notice: ClaimedNotice, secret: string | null) {
  if (notice.channel === 'email') {
    if (!deps.mailer) return 'email is not configured (SMTP_URL)';
    try {
      await withDeadline(
        deps.mailer.send({
          // A stable id: a receiving system can tell a redelivery after a crash from a new mail.
          messageId: `<notice-${notice.id}@flexy-desk>`,
          from: deps.from,
          to: notice.recipient,
          subject: notice.subject,
          text: notice.text,
          ...(notice.html ? { html: notice.html } : {}),
          headers: flexyHeaders(notice),
        }),
        SEND_DEADLINE_MS,
      );
      return null;
    } catch (e) {
      return redactSecrets(e instanceof Error ? e.message : String(e), deps.mailer.url);
    }
  }
  if (!secret) return 'the webhook channel is off';
  const body = JSON.stringify(notice.payload ?? { text: notice.text });
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  const event = flexyHeaders(notice)['X-Flexy-Event'] ?? notice.kind;
  try {
    const res = await (deps.fetch ?? fetch)(notice.recipient, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `notice-${notice.id}`,
        'x-flexy-event': event,
        'x-flexy-signature': signature(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel().catch(() => {});
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (e) {
    return redactSecrets(e instanceof Error ? e.message : String(e), notice.recipient);
  }
}
