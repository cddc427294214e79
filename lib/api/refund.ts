import { DEFAULT_LOCALE as API_LOCALE } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { RefundDeps, RefundOutcome } from '../refunds/service';
import { requestRefund } from '../refunds/service';
import type { HandlerDeps } from './handlers';
import { refundBodySchema } from './input';
import { handleOrderAction, refusalReply, apiT as t } from './order-action';
import type { ApiReply } from './responses';

// POST /api/v1/topups/{idOrRef}/refund — the shop asks the desk to refund its customer, through
// the same service as the finance button (live check, exactly once, audit, outbox).

export function handleRefund(
  request: Request,
  key: string,
  deps: RefundDeps & Pick<HandlerDeps, 'log' | 'bodyTimeoutMs'>,
): Promise<Response> {
  return handleOrderAction(
    request,
    key,
    deps,
    { scope: 'refund', action: 'refund', body: refundBodySchema, bodyOptional: true },
    async (orderId, input, who) =>
      toReply(
        await requestRefund(
          { ...deps, requestId: who.requestId },
          orderId,
          who.actor,
          input,
          who.sink,
        ),
      ),
  );
}

function toReply(outcome: RefundOutcome): ApiReply {
  if (outcome.kind === 'refused')
    return refusalReply(outcome.refusal, {
      busy: [409, 'refund_in_progress', 5],
      refused: [422, 'not_refundable', null],
    });
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
