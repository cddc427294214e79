import type { z } from 'zod';
import type { Db } from '../../db/client';
import { type AuditSink, auditSink } from '../audit';
import { DEFAULT_LOCALE as API_LOCALE, createT, type Key } from '../i18n';
import type { Refusal } from '../refunds/policy';
import { readJsonBody } from './body';
import { bodyLimits, type HandlerDeps, withToken } from './handlers';
import { idempotent, requestHash } from './idempotency';
import { parseLookupKey } from './input';
import { resolveOrderKey } from './order-key';
import { type ApiReply, type ErrorCode, errorReply } from './responses';
import type { ApiScope } from './scopes';

// What every "do this to a top-up" call of the shop's API shares (refund, resend): the token
// and its scope, the {idOrRef} key, a JSON body read by its schema, the Idempotency-Key, then
// the order the key names — or 404, or 409 when a ref names different sales.

/** Who acts through this door: the token, bound for the audit rows the service writes. */
export type TokenActor = {
  actor: { userId: null; label: string; role: null; viaToken: true };
  sink: AuditSink;
  requestId: string;
};

export function handleOrderAction<S extends z.ZodType>(
  request: Request,
  key: string,
  deps: { db: Db; now: () => Date } & Pick<HandlerDeps, 'log' | 'bodyTimeoutMs'>,
  spec: {
    scope: ApiScope;
    /** The path's last segment, for the idempotency hash. */
    action: string;
    body: S;
    /** Without a Content-Type the body is `{}` (nothing to read). */
    bodyOptional?: boolean;
  },
  act: (orderId: number, input: z.output<S>, who: TokenActor) => Promise<ApiReply>,
): Promise<Response> {
  return withToken(request, deps, spec.scope, async (token, requestId) => {
    const parsedKey = parseLookupKey(key);
    if (!parsedKey.ok) return parsedKey.reply;
    let body: unknown = {};
    const hasBody =
      request.headers.get('content-length') !== '0' && request.headers.get('content-type');
    if (hasBody || !spec.bodyOptional) {
      const read = await readJsonBody(request, bodyLimits(deps));
      if (!read.ok) return read.reply;
      body = read.value ?? {};
    }
    const input = spec.body.safeParse(body);
    if (!input.success) {
      const issue = input.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys' ? issue.keys[0] : String(issue?.path[0] ?? 'body');
      const message = issue?.message ?? 'invalid';
      return errorReply(
        400,
        'invalid_field',
        message.startsWith(`${field} `) ? message : `${field}: ${message}`,
        { field },
      );
    }
    const hash = requestHash(
      'POST',
      `/api/v1/topups/${parsedKey.value}/${spec.action}`,
      input.data,
    );
    return idempotent(
      deps.db,
      { tokenId: token.id, key: request.headers.get('idempotency-key'), hash, now: deps.now() },
      async () => {
        const order = await resolveOrderKey(deps.db, parsedKey.value);
        if (order.kind === 'none')
          return errorReply(
            404,
            'not_found',
            `No top-up with id or ref ${JSON.stringify(parsedKey.value)} is registered.`,
          );
        if (order.kind === 'ambiguous')
          return errorReply(
            409,
            'ambiguous_ref',
            `ref ${JSON.stringify(parsedKey.value)} names different top-ups (${order.topupIds.join(', ')}); nothing was done. Ask again with the topupId.`,
            { field: 'idOrRef' },
          );
        const label = `token:${token.name}`;
        return act(order.id, input.data, {
          actor: { userId: null, label, role: null, viaToken: true },
          sink: auditSink({ actor: { id: null, email: label, role: null }, requestId }),
          requestId,
        });
      },
    );
  });
}

/** The shop API answers in the desk's default language (English): its readers are developers. */
export const apiT = createT(API_LOCALE);

/** An answer to a refusal: status, code, and the Retry-After it suggests (null: none). */
type Answer = [number, ErrorCode, number | null];

/**
 * Refusals the money services share (OneClick down, the desk overloaded, the 10 s live-check
 * window): they say when to retry, and are never stored against an Idempotency-Key.
 */
const TEMPORARY: Partial<Record<Key, Answer>> = {
  'refund.upstreamUnavailable': [503, 'upstream_unavailable', 30],
  'resend.upstreamUnavailable': [503, 'upstream_unavailable', 30],
  'order.notFound': [404, 'not_found', null],
  'refund.overloaded': [503, 'refunds_busy', 5],
  'refund.checkTooSoon': [429, 'check_too_soon', 10],
  'resend.checkTooSoon': [429, 'check_too_soon', 10],
};
const BUSY: ReadonlySet<Key> = new Set(['refund.busy', 'resend.busy']);

/**
 * How a refusal is answered: a shared temporary one, the operation's own "another attempt holds
 * the order" (`busy`), or its "not possible" (`refused`, with the reason in the message).
 */
export function refusalReply(refusal: Refusal, own: { busy: Answer; refused: Answer }): ApiReply {
  const { reason, params, retryAfterS } = refusal;
  const [status, code, defaultRetry] =
    TEMPORARY[reason] ?? (BUSY.has(reason) ? own.busy : own.refused);
  const retryAfter = retryAfterS ?? defaultRetry;
  return errorReply(
    status,
    code,
    apiT(reason, params),
    retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } },
  );
}
