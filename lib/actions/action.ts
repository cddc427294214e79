import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import {
  type Actor,
  type AuditSink,
  auditSink,
  countAnonymousRefusal,
  recordAudit,
} from '../audit';
import { type Capability, can } from '../auth/roles';
import { getSession, type SessionUser } from '../auth/session';
import { getDb } from '../db';
import { errorMessage } from '../errors/scrub';
import { UserFacingError } from '../errors/user-facing';
import { createT, isLocale, type Key, type Locale, type T } from '../i18n';
import { getLocale } from '../i18n/server';
import { log } from '../log';
import { clientIp } from '../net/client-ip';
import { isRefused, type Refused } from '../result';

export type ActionResult<R> =
  | { ok: true; data: R }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

type Audited<R> = {
  result: R;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
};

export type ActionContext = {
  user: SessionUser;
  /** Writes audit rows as this person, for services that audit inside their own transaction. */
  audit: AuditSink;
  /** The server-side session this call came with (lib/auth/sessions.ts). */
  sessionId: string;
  requestId: string;
  /** The person's language and digits, for what the action formats itself. */
  locale: Locale;
  t: T;
  db: Db;
  /** Runs a change in one transaction with its audit row, so both land or neither does. */
  audited<R>(change: (tx: Tx) => Promise<Audited<R>>): Promise<R>;
};

/**
 * `capability: null` is for a person's own preferences: any signed-in user, nothing more.
 * `allowPending`: the action also runs for someone who must still change a temporary password
 * or enrol a second factor (only what /setup needs); every other action refuses them.
 */
type Spec<S extends z.ZodType> = {
  name: string;
  capability: Capability | null;
  input: S;
  allowPending?: boolean;
};

/**
 * The one way to write a server action: session → role → input parsing → run → audit → one
 * result shape. Server actions are public POST endpoints, so none of these steps may be
 * skipped, whatever the page that shows the button already checked.
 */
export function defineAction<S extends z.ZodType, R>(
  spec: Spec<S>,
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<R | Refused>,
) {
  return async (raw: unknown): Promise<ActionResult<Exclude<R, Refused>>> => {
    const h = await headers();
    const requestId = h.get('x-request-id') ?? randomUUID();
    const ip = clientIp(h);
    const db = getDb();
    const session = await getSession();
    const user = session && (!session.pending || spec.allowPending) ? session.user : null;
    const locale = user?.locale && isLocale(user.locale) ? user.locale : await getLocale();
    const t = createT(locale);
    const actor: Actor = user
      ? { id: user.id, email: user.email, role: user.role }
      : { id: null, email: null, role: null };
    const audit = (outcome: 'denied' | 'invalid' | 'error', details: Record<string, unknown>) =>
      recordAudit(db, { actor, action: spec.name, outcome, details, requestId, ip });

    if (!user) {
      await countAnonymousRefusal(db, { action: spec.name, reason: 'signed_out' });
      return { ok: false, error: t('errors.signedOut') };
    }
    if (spec.capability !== null && !can(user.role, spec.capability)) {
      await audit('denied', { reason: 'role', needs: spec.capability });
      log.warn(
        { requestId, action: spec.name, userId: user.id, role: user.role },
        'action refused',
      );
      return { ok: false, error: t('errors.forbidden', { role: t(`roles.${user.role}`) }) };
    }
    const parsed = spec.input.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    if (!parsed.success) {
      return {
        ok: false,
        error: t('errors.invalidInput'),
        fieldErrors: fieldErrors(parsed.error, t),
      };
    }

    const ctx: ActionContext = {
      user,
      audit: auditSink({ actor, requestId, ip }),
      sessionId: session?.sessionId ?? '',
      requestId,
      locale,
      t,
      db,
      audited: (change) =>
        db.transaction(async (tx) => {
          const { result, target, details } = await change(tx);
          await recordAudit(tx, {
            actor,
            action: spec.name,
            outcome: 'ok',
            targetType: target?.type,
            targetId: target?.id,
            details,
            requestId,
            ip,
          });
          return result;
        }),
    };
    const refusal = async (r: {
      reason: Key;
      params?: Record<string, string | number>;
      field?: string;
      audited?: boolean;
    }) => {
      if (!r.audited) await audit('invalid', { reason: r.reason });
      const message = t(r.reason, r.params);
      return {
        ok: false as const,
        error: message,
        fieldErrors: r.field ? { [r.field]: message } : undefined,
      };
    };
    try {
      const value = await run(parsed.data, ctx);
      if (isRefused(value)) return refusal(value);
      return { ok: true, data: value as Exclude<R, Refused> };
    } catch (error) {
      // Deep helpers may still throw a refusal (a rule checked inside a transaction).
      if (error instanceof UserFacingError)
        return refusal({ reason: error.messageKey, ...error.options });
      log.error({ err: error, requestId, action: spec.name, userId: user.id }, 'action failed');
      await audit('error', { message: errorMessage(error) });
      return { ok: false, error: t('errors.unexpected', { ref: requestId }) };
    }
  };
}

/** Zod messages in our schemas are catalogue keys; anything else is shown as written. */
function fieldErrors(error: z.ZodError, t: T): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    const params = 'maximum' in issue ? { max: Number(issue.maximum) } : undefined;
    out[field] = issue.message.includes('.') ? t(issue.message as Key, params) : issue.message;
  }
  return out;
}
