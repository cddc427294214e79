import 'server-only';
import type { z } from 'zod';
import { OneClickError } from './errors';
import type { CallOptions, OneClickResult, Request } from './request';
import { leavesSendInDoubt } from './retry';
import { sendResultSchema, type Topup } from './schemas';

export type SendInput = { plan_code: string; MSSIDN: string; amount?: number; ref?: string };
export type SendResponse = OneClickResult<z.output<typeof sendResultSchema>> & {
  /** Set when the send's own answer was lost and check-ref found the order. */
  resolvedVia?: 'check-ref';
  topup?: Topup;
};

type SendDeps = {
  request: Request;
  checkRef: (ref: string) => Promise<OneClickResult<Topup>>;
  generateRef: () => string;
  sleep: (ms: number) => Promise<void>;
  resolveAttempts: number;
  resolveDelayMs: number;
};

/**
 * Sends a top-up exactly once. The POST is never repeated; when its answer is lost (network,
 * timeout, 5xx, unreadable 2xx) the same ref is looked up instead, because a blind resend
 * could top up the same phone twice. That is why every send carries a ref.
 */
export function createSend(deps: SendDeps) {
  /** Did the lost send create an order? `undefined` means we still cannot tell. */
  async function findByRef(ref: string) {
    for (let i = 0; i < deps.resolveAttempts; i++) {
      if (i > 0) await deps.sleep(deps.resolveDelayMs);
      try {
        return await deps.checkRef(ref);
      } catch (error) {
        // Not found may only mean "not yet": the lost request can still be in flight upstream.
        if (!(error instanceof OneClickError) || error.kind !== 'not_found') return undefined;
      }
    }
    return undefined;
  }

  return async function send(input: SendInput, call?: CallOptions): Promise<SendResponse> {
    const ref = input.ref ?? deps.generateRef();
    const body = { plan_code: input.plan_code, MSSIDN: input.MSSIDN, amount: input.amount, ref };
    try {
      const op = {
        name: 'send',
        method: 'POST',
        path: '/mobile/send',
        schema: sendResultSchema,
        body,
      } as const;
      return await deps.request(op, call);
    } catch (error) {
      if (!(error instanceof OneClickError)) throw error;
      if (!leavesSendInDoubt(error)) throw error.with({ ref });
      const found = await findByRef(ref);
      if (!found) {
        throw error.with({
          ref,
          outcomeUnknown: true,
          message: `${error.message} (send outcome unknown: look the order up by ref '${ref}')`,
        });
      }
      const topup = found.data;
      return {
        data: { topupId: topup._id, topupRef: topup.ref ?? ref, newBalance: undefined },
        requestId: found.requestId,
        meta: found.meta,
        resolvedVia: 'check-ref',
        topup,
      };
    }
  };
}
