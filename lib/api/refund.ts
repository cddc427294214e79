import { z } from 'zod';
import { idOrRef } from '../../db/queries/lookup';
import { topups } from '../../db/schema';
import { createT } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { RefundDeps, RefundOutcome } from '../refunds/service';
import { requestRefund } from '../refunds/service';
import { readJsonBody } from './body';
import { withToken } from './handlers';
import { idempotent, requestHash } from './idempotency';
import { parseLookupKey } from './input';
import { type ApiReply, errorReply } from './responses';

// POST /api/v1/topups/{idOrRef}/refund — the shop asks the desk to refund its customer, through
// the same service as the finance button (live check, exactly once, audit, outbox).

const bodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(200).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
});
const t = createT('en');

export function handleRefund(
  request: Request,
  key: string,
  deps: RefundDeps & { log?: Parameters<typeof withToken>[1]['log'] },
): Promise<Response> {
  return withToken(request, { ...deps, client: deps.client }, async (token) => {
    const parsedKey = parseLookupKey(key);
    if (!parsedKey.ok) return parsedKey.reply;
    let body: unknown = {};
    if (request.headers.get('content-length') !== '0' && request.headers.get('content-type')) {
      const read = await readJsonBody(request);
      if (!read.ok) return read.reply;
      body = read.value ?? {};
    }
    const input = bodySchema.safeParse(body);
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
      { tokenId: token.id, key: request.headers.get('idempotency-key'), hash },
      async () => {
        const [order] = await deps.db
          .select({ id: topups.id })
          .from(topups)
          .where(idOrRef(parsedKey.value).where)
          .orderBy(...idOrRef(parsedKey.value).orderBy)
          .limit(1);
        if (!order)
          return errorReply(
            404,
            'not_found',
            `No top-up with id or ref ${JSON.stringify(parsedKey.value)} is registered.`,
          );
        const outcome = await requestRefund(
          deps,
          order.id,
          { userId: null, label: `token:${token.name}`, role: null, viaToken: true },
          input.data,
          request.headers.get('x-request-id'),
        );
        return toReply(outcome);
      },
    );
  });
}

function toReply(outcome: RefundOutcome): ApiReply {
  if (outcome.kind === 'refused') {
    const status =
      outcome.refusal.reason === 'refund.upstreamUnavailable'
        ? 503
        : outcome.refusal.reason === 'order.notFound'
          ? 404
          : 422;
    const code =
      status === 503 ? 'upstream_unavailable' : status === 404 ? 'not_found' : 'not_refundable';
    return errorReply(
      status,
      code,
      t(outcome.refusal.reason, outcome.refusal.params),
      status === 503 ? { headers: { 'retry-after': '30' } } : {},
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
          time: formatDateTime(r.createdAt, 'en'),
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
