import { auditSink } from '../audit';
import { DEFAULT_LOCALE as API_LOCALE, createT, type Key } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { ResendDeps, ResendOutcome } from '../resends/service';
import { requestResend } from '../resends/service';
import { readJsonBody } from './body';
import { bodyLimits, type HandlerDeps, withToken } from './handlers';
import { idempotent, requestHash } from './idempotency';
import { parseLookupKey, resendBodySchema } from './input';
import { resolveOrderKey } from './order-key';
import { type ApiReply, type ErrorCode, errorReply } from './responses';

// POST /api/v1/topups/{idOrRef}/resend — the shop re-sends a refunded top-up with one of the
// offers OneClick suggested, through the same service as the finance button (live check, once
// per original, audit, check-ref settlement of a lost answer).

const t = createT(API_LOCALE);

export function handleResend(
  request: Request,
  key: string,
  deps: ResendDeps & Pick<HandlerDeps, 'log' | 'bodyTimeoutMs'>,
): Promise<Response> {
  return withToken(request, deps, 'resend', async (token, requestId) => {
    const parsedKey = parseLookupKey(key);
    if (!parsedKey.ok) return parsedKey.reply;
    const read = await readJsonBody(request, bodyLimits(deps));
    if (!read.ok) return read.reply;
    const input = resendBodySchema.safeParse(read.value);
    if (!input.success) {
      const issue = input.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys' ? issue.keys[0] : String(issue?.path[0] ?? 'body');
      return errorReply(400, 'invalid_field', issue?.message ?? `${field}: invalid`, { field });
    }
    const hash = requestHash('POST', `/api/v1/topups/${parsedKey.value}/resend`, input.data);
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
        const outcome = await requestResend(
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

/** Temporary refusals say when to retry; the rest are 422 `not_resendable` with the reason. */
const REFUSALS: Partial<Record<Key, [number, ErrorCode, number | null]>> = {
  'refund.upstreamUnavailable': [503, 'upstream_unavailable', 30],
  'order.notFound': [404, 'not_found', null],
  'refund.busy': [409, 'resend_in_progress', 5],
  'refund.overloaded': [503, 'refunds_busy', 5],
  'refund.checkTooSoon': [429, 'check_too_soon', 10],
};

function toReply(outcome: ResendOutcome): ApiReply {
  if (outcome.kind === 'refused') {
    const { reason, params, retryAfterS } = outcome.refusal;
    const [status, code, defaultRetry] = REFUSALS[reason] ?? [422, 'not_resendable', null];
    const retryAfter = retryAfterS ?? defaultRetry;
    return errorReply(
      status,
      code,
      t(reason, params),
      retryAfter === null ? {} : { headers: { 'retry-after': String(retryAfter) } },
    );
  }
  const r = outcome.resend;
  const resend = {
    resendId: r.id,
    planCode: r.planCode,
    amount: r.amount,
    state: r.state,
    ref: r.ref,
    newTopupId: r.newTopupId,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.byName ?? r.createdVia,
    error: r.errorCode
      ? { code: r.errorCode, message: r.errorMessage ?? '', field: r.errorField }
      : null,
  };
  switch (outcome.kind) {
    case 'already':
      return {
        status: 409,
        body: {
          error: 'already_resent',
          message: t(r.byName ? 'resend.already' : 'resend.alreadyVia', {
            who: r.byName ?? r.createdVia,
            via: r.createdVia,
            time: formatDateTime(r.createdAt, API_LOCALE),
          }),
          resend,
        },
      };
    case 'sending':
      // Not a final answer: the same request later finds it sent (409 already_resent).
      return {
        status: 409,
        headers: { 'retry-after': '60' },
        body: { error: 'resend_in_progress', message: t('resend.sending', { ref: r.ref }), resend },
      };
    case 'failed':
      return {
        status: 422,
        body: {
          error: 'resend_refused',
          message: `OneClick refused the re-send: ${r.errorCode ?? '?'}: ${r.errorMessage ?? ''}. Nothing was spent.`,
          ...(r.errorField ? { field: r.errorField } : {}),
          resend,
        },
      };
    case 'rejected':
      return {
        status: 409,
        body: { error: 'already_resent', message: t('resend.rejected'), resend },
      };
    default:
      return {
        status: outcome.kind === 'sent' ? 201 : 202,
        body: { status: outcome.kind, resend },
      };
  }
}
