import { z } from 'zod';
import { amountSchema, signedAmountSchema } from './money';
import { optional, paginationSchema } from './schemas';

const text = z.string({ error: 'must be a string' });

// --- validate -------------------------------------------------------------------------------

/**
 * `apiKey.key` is deliberately not part of the output: validate echoes the secret, and a
 * parsed object that carries it is one careless render away from the browser.
 */
export const validateResultSchema = z.object({
  username: text,
  apiKey: z.object({
    isEnabled: z.boolean(),
    type: text as z.ZodType<'SANDBOX' | 'PRODUCTION' | (string & {})>,
    allowedips: optional(z.array(text)).transform((ips) => ips ?? []),
    scope: optional(text as z.ZodType<'READ-WRITE' | 'READ-ONLY' | (string & {})>),
  }),
});
export type ValidateResult = z.infer<typeof validateResultSchema>;

// --- ping -----------------------------------------------------------------------------------

const upDown = text as z.ZodType<'up' | 'down' | (string & {})>;
export const pingResultSchema = z.object({
  api: text as z.ZodType<'ok' | 'error' | (string & {})>,
  // Operators are open-ended: a new one appearing upstream must not break the health check.
  // Documented keys: mobilis, ooredoo, djezzy, mobilisFixedPlans (Sama/Pixx).
  operators: z.record(z.string(), upDown),
});
export type PingResult = z.infer<typeof pingResultSchema>;

// --- balance --------------------------------------------------------------------------------

export const balanceResultSchema = z.object({
  balance: signedAmountSchema,
  currency: optional(text),
});
export type BalanceResult = z.infer<typeof balanceResultSchema>;

// --- transactions ---------------------------------------------------------------------------

export const MONEY_IN_TYPES = [
  'DEPOSIT',
  'REFUND-FLEXY',
  'REFUND-ADSL',
  'REFUND-ORDER',
  'RECEIVE',
  'POINT-EXCHANGE',
] as const;
export const MONEY_OUT_TYPES = ['FLEXY', 'ADSL', 'ORDER', 'WITHDRAW', 'SEND', 'SERVICE'] as const;

/**
 * A ledger row. The docs list the fields but not their optionality or sign, so: `type` stays
 * an open string (an unknown type must still reach reconciliation), `objid`/`note`/`operation`
 * are optional (a deposit has no top-up), and amounts are signed decimal strings. `objid` is
 * the top-up `_id` for FLEXY / REFUND-FLEXY rows (inferred from the docs, true in the sandbox).
 */
export const transactionSchema = z.object({
  _id: text.min(1),
  type: text,
  operation: optional(text),
  amount: signedAmountSchema,
  oldBalance: signedAmountSchema,
  newBalance: signedAmountSchema,
  objid: optional(text),
  note: optional(text),
  time: text,
});
export type Transaction = z.infer<typeof transactionSchema>;

/** The docs say "pagination as in list" without naming the array; accept either name. */
export const transactionPageSchema = z
  .object({
    items: optional(z.array(transactionSchema)),
    transactions: optional(z.array(transactionSchema)),
    pagination: paginationSchema,
  })
  .check((ctx) => {
    if (!ctx.value.items && !ctx.value.transactions) {
      ctx.issues.push({
        code: 'custom',
        message: 'expected an items array',
        path: ['items'],
        input: ctx.value,
      });
    }
  })
  .transform(({ items, transactions, pagination }) => ({
    items: items ?? transactions ?? [],
    pagination,
  }));
export type TransactionPage = z.infer<typeof transactionPageSchema>;

// --- plans ----------------------------------------------------------------------------------

const planBase = {
  code: text.min(1),
  name: text,
  operator: text,
  /** Wholesale multiplier as a decimal string ("0.9925"); absent on some plans. */
  cost: optional(amountSchema),
  isEnabled: z.boolean(),
};
export const dynamicPlanSchema = z.object({
  ...planBase,
  min_amount: amountSchema,
  max_amount: amountSchema,
});
export const fixedPlanSchema = z.object({ ...planBase, amount: amountSchema });
export type DynamicPlan = z.infer<typeof dynamicPlanSchema>;
export type FixedPlan = z.infer<typeof fixedPlanSchema>;

export const plansResultSchema = z.object({
  dynamicPlans: z.array(dynamicPlanSchema),
  fixedPlans: z.array(fixedPlanSchema),
});
export type PlansResult = z.infer<typeof plansResultSchema>;
