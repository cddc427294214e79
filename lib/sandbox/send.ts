import type { Clock } from './clock';
import { type ApiAnswer, type ApiError, validationError } from './envelope';
import type { UnknownResolution } from './flows';
import { centsToNumber, chargeCents } from './money';
import { documentedFlow, isTestNumber } from './numbers';
import { placeOrder } from './orders';
import { faceAmount, findPlan, planMatchesNumber } from './plans';
import { hex, type Random } from './random';
import type { SandboxState } from './state';

export const MSISDN_PATTERN = /^0[567][0-9]{8}$/;

export type SendContext = {
  state: SandboxState;
  clock: Clock;
  random: Random;
  username: string;
  unknownResolution: UnknownResolution;
};

const required = (field: string) =>
  validationError(field, undefined, `body must have required property '${field}'`);

/** Schema-level checks, worded like the upstream's (Fastify/AJV style) messages. */
function checkShape(body: unknown): ApiError | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return validationError('body', body, 'body must be object');
  }
  const b = body as Record<string, unknown>;
  if (b.plan_code === undefined) return required('plan_code');
  if (typeof b.plan_code !== 'string') {
    return validationError('plan_code', b.plan_code, 'body/plan_code must be string');
  }
  if (b.MSSIDN === undefined) return required('MSSIDN');
  if (typeof b.MSSIDN !== 'string') {
    return validationError('MSSIDN', b.MSSIDN, 'body/MSSIDN must be string');
  }
  if (!MSISDN_PATTERN.test(b.MSSIDN)) {
    return validationError(
      'MSSIDN',
      b.MSSIDN,
      `body/MSSIDN must match pattern "${MSISDN_PATTERN.source}"`,
    );
  }
  if (b.amount !== undefined && !Number.isInteger(b.amount)) {
    return validationError('amount', b.amount, 'body/amount must be integer');
  }
  if (b.ref !== undefined && (typeof b.ref !== 'string' || b.ref === '')) {
    return validationError('ref', b.ref, 'body/ref must be a non-empty string');
  }
  return undefined;
}

export function handleSend(
  body: unknown,
  ctx: SendContext,
): ApiAnswer & { topupId?: string; ref?: string } {
  const shapeError = checkShape(body);
  if (shapeError) return shapeError;
  const input = body as { plan_code: string; MSSIDN: string; amount?: number; ref?: string };
  const plan = findPlan(input.plan_code);
  if (!plan)
    return validationError('plan_code', input.plan_code, `Plan '${input.plan_code}' not found`);
  if (!plan.isEnabled) {
    return validationError(
      'plan_code',
      input.plan_code,
      `Plan '${plan.code}' is currently disabled`,
    );
  }
  if (plan.kind === 'dynamic') {
    if (input.amount === undefined) {
      return validationError('amount', undefined, `amount is required for plan ${plan.code}`);
    }
    if (input.amount < plan.min_amount || input.amount > plan.max_amount) {
      return validationError(
        'amount',
        input.amount,
        `amount must be between ${plan.min_amount} and ${plan.max_amount} for plan ${plan.code}`,
      );
    }
  }
  // The test numbers must work with any plan: 0600000002 is documented with PREPAID_DJEZZY.
  if (!isTestNumber(input.MSSIDN) && !planMatchesNumber(plan, input.MSSIDN)) {
    return validationError(
      'MSSIDN',
      input.MSSIDN,
      `MSSIDN does not match the operator of plan ${plan.code}`,
    );
  }
  const now = ctx.clock.now();
  if (input.ref !== undefined && ctx.state.byRef(input.ref)) {
    return {
      status: 403,
      code: 'DUPLICATED_REF',
      message: 'This reference ID is already in use',
      details: { field: 'ref', value: input.ref },
    };
  }
  const cost = chargeCents(faceAmount(plan, input.amount), plan.cost);
  if (cost > ctx.state.balanceCents) {
    return {
      status: 403,
      code: 'INSUFFICIENT_BALANCE',
      message: 'Insufficient balance',
      details: { required: centsToNumber(cost), available: centsToNumber(ctx.state.balanceCents) },
    };
  }
  const ref = input.ref ?? `API-${ctx.username}-${now}-${hex(ctx.random, 6)}`;
  const record = placeOrder(ctx.state, {
    plan,
    msisdn: input.MSSIDN,
    amount: input.amount,
    ref,
    createdAt: now,
    flow: documentedFlow(input.MSSIDN, plan, ctx.unknownResolution),
  });
  return {
    data: {
      topupId: record.id,
      topupRef: record.ref,
      newBalance: centsToNumber(ctx.state.balanceCents),
    },
    topupId: record.id,
    ref,
  };
}
