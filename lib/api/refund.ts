import { auditSink } from '../audit';
import { DEFAULT_LOCALE as API_LOCALE, createT, type Key } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { RefundDeps, RefundOutcome } from '../refunds/service';
import { requestRefund } from '../refunds/service';
import { readJsonBody } from './body';
import { bodyLimits, type HandlerDeps, withToken } from './handlers';
import { idempotent, requestHash } from './idempotency';
import { parseLookupKey, refundBodySchema } from './input';
import { resolveOrderKey } from './order-key';
import { type ApiReply, type ErrorCode, errorReply } from './responses';

// POST /api/v1/topups/{idOrRef}/refund — the shop asks the desk to refund its customer, through
// the same service as the finance button (live check, exactly once, audit, outbox).

/** The shop API answers in the desk's default language (English): its readers are developers. */
const t = createT(API_LOCALE);

export function handleRefund(
  request: Request,
  key: string,
  deps: RefundDeps & Pick<HandlerDeps, 'log' | 'bodyTimeoutMs'>,
): Promise<Response> {
  return withToken(request, deps, 'refund', async (token, requestId) => {
    const parsedKey = parseLookupKey(key);
    if (!parsedKey.ok) return parsedKey.reply;
    let body: unknown = {};
    // The body is optional: without a Content-Type there is nothing to read.
    if (request.headers.get('content-length') !== '0' && request.headers.get('content-type')) {
      const read = await readJsonBody(request, bodyLimits(deps));
      if (!read.ok) return read.reply;
      body = read.value ?? {};
    }
    const input = refundBodySchema.safeParse(body);
    if (!input.success) {
      const issue = input.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys' ? issue.keys[0] : String(issue?.path[0] ?? 'body');
      return errorReply(400, 'invalid_field', `${field}: ${issue?.message ?? 'invalid'}`, {
        field,
      });
    }
    const hash = requestHash('POST', `/api/v1/topups/${parsedKey.value}/refund`, input.data);
    return idempotent(
      deps.db,
      {
        tokenId: token.id,
        key: request.headers.get('idempotency-key'),
        hash,
        now: deps.now(),
      },
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
        // This door binds who acts (the token) for the audit rows the service writes.
        const outcome = await requestRefund(
          { ...deps, requestId },
          order.id,
          { userId: null, label, role: null, viaToken: true },
          input.data,
          auditSink({ actor: { id: null, email: label, role: null }, requestId }),
        );
        return toReply(outcome);
      },
    );
  });
}

/**
 * How a refusal is answered: temporary ones (OneClick down, another attempt being confirmed,
 * the 10 s live-check window) say when to retry and are never stored against an
 * Idempotency-Key; the rest are 422 `not_refundable` with the reason.
 */
const REFUSALS: Partial<Record<Key, [number, ErrorCode, number | null]>> = {
  'refund.upstreamUnavailable': [503, 'upstream_unavailable', 30],
  'order.notFound': [404, 'not_found', null],
  'refund.busy': [409, 'refund_in_progress', 5],
  'refund.overloaded': [503, 'refunds_busy', 5],
  'refund.checkTooSoon': [429, 'check_too_soon', 10],
};

function toReply(outcome: RefundOutcome): ApiReply {
  if (outcome.kind === 'refused') {
    const { reason, params, retryAfterS } = outcome.refusal;
    const [status, code, defaultRetry] = REFUSALS[reason] ?? [422, 'not_refundable', null];
    const retryAfter = retryAfterS ?? defaultRetry;
    return errorReply(
      status,
      code,
      t(reason, params),
      retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } },
    );
  }
  const r = outcome.refund;
  const refund = {
    refundId: r.id,
    amount: r.amount,
    state: r.state,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.byName ?? r.createdVia,
    delivery: r.delivery,
  };
  if (outcome.kind === 'already') {
    return {
      status: 409,
      body: {
        error: 'already_refunded',
        message: t('refund.already', {
          who: r.byName ?? r.createdVia,
          time: formatDateTime(r.createdAt, API_LOCALE),
        }),
        refund,
      },
    };
  }
  return {
    status: outcome.kind === 'recorded' ? 201 : 202,
    body: { status: outcome.kind === 'recorded' ? 'refunded' : 'awaiting_approval', refund },
  };
}
