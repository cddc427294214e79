import { fromCents, toCents } from '../money';
import type { OneClickClient } from '../oneclick/client';
import type { PlansResult } from '../oneclick/schemas-account';

// What a re-send costs our OneClick balance: the plan's wholesale multiplier (`cost`, e.g.
// "0.9925") times the amount, from /mobile/plans. Shown in the dialog before anyone confirms;
// never shown to the customer. Plans change rarely: one read serves every dialog for 5 minutes.

const PLANS_TTL_MS = 5 * 60_000;
const SCALE = 1_000_000n;

/** amount × multiplier, in DZD to the centime, rounded half up; null for a bad input. */
export function balanceCost(amount: string, multiplier: string): string | null {
  const cents = toCents(amount);
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(multiplier.trim());
  if (cents === null || !m) return null;
  const scaled = BigInt(m[1] ?? '0') * SCALE + BigInt((m[2] ?? '').padEnd(6, '0') || '0');
  return fromCents((cents * scaled + SCALE / 2n) / SCALE);
}

export type ResendQuote = { planName: string | null; cost: string | null; enabled: boolean };

let cached: { at: number; plans: PlansResult } | null = null;

export async function resendQuote(
  client: Pick<OneClickClient, 'plans'>,
  planCode: string,
  amount: string,
  now = Date.now(),
): Promise<ResendQuote> {
  if (!cached || now - cached.at > PLANS_TTL_MS)
    cached = { at: now, plans: (await client.plans()).data };
  const plan = [...cached.plans.fixedPlans, ...cached.plans.dynamicPlans].find(
    (p) => p.code === planCode,
  );
  if (!plan) return { planName: null, cost: null, enabled: false };
  return {
    planName: plan.name,
    cost: plan.cost ? balanceCost(amount, plan.cost) : null,
    enabled: plan.isEnabled,
  };
}
