import { DEFAULT_LOCALE as API_LOCALE } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { ResendDeps, ResendOutcome } from '../resends/service';
import { requestResend } from '../resends/service';
import type { HandlerDeps } from './handlers';
import { resendBodySchema } from './input';
import { handleOrderAction, refusalReply, apiT as t } from './order-action';
import type { ApiReply } from './responses';

// POST /api/v1/topups/{idOrRef}/resend — the shop re-sends a refunded top-up with one of the
// offers OneClick suggested, through the same service as the finance button (live check, once
// per original, audit, check-ref settlement of a lost answer).

export function handleResend(
  request: Request,
  key: string,
  deps: ResendDeps & Pick<HandlerDeps, 'log' | 'bodyTimeoutMs'>,
): Promise<Response> {
  return handleOrderAction(
    request,
    key,
    deps,
    { scope: 'resend', action: 'resend', body: resendBodySchema },
    async (orderId, input, who) =>
      toReply(
        await requestResend(
          { ...deps, requestId: who.requestId },
          orderId,
          who.actor,
          input,
          who.sink,
        ),
      ),
  );
}

function toReply(outcome: ResendOutcome): ApiReply {
  if (outcome.kind === 'refused')
    return refusalReply(outcome.refusal, {
      busy: [409, 'resend_in_progress', 5],
      refused: [422, 'not_resendable', null],
    });
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
