/**
 * The sandbox's plan catalogue: the plans named in the docs' examples, with the documented
 * costs and ranges where the docs give them. PREPAID_OOREDOO's cost and range, FACTURE_* and
 * the fixed plans' costs are invented (the docs show none); FACTURE_MOBILIS is disabled on
 * purpose so the "plan disabled" path can be exercised.
 */
export type SandboxPlan = {
  code: string;
  name: string;
  operator: string;
  cost?: string;
  isEnabled: boolean;
} & (
  | { kind: 'dynamic'; min_amount: number; max_amount: number }
  | { kind: 'fixed'; amount: number }
);

export const SANDBOX_PLANS: readonly SandboxPlan[] = [
  {
    kind: 'dynamic',
    code: 'PREPAID_DJEZZY',
    name: 'Djezzy Flexy',
    operator: 'Djezzy',
    cost: '0.9925',
    isEnabled: true,
    min_amount: 100,
    max_amount: 10000,
  },
  {
    kind: 'dynamic',
    code: 'PREPAID_MOBILIS',
    name: 'Mobilis Flexy',
    operator: 'Mobilis',
    cost: '0.96',
    isEnabled: true,
    min_amount: 40,
    max_amount: 3999,
  },
  {
    kind: 'dynamic',
    code: 'PREPAID_OOREDOO',
    name: 'Ooredoo Flexy',
    operator: 'Ooredoo',
    cost: '0.97',
    isEnabled: true,
    min_amount: 50,
    max_amount: 5000,
  },
  {
    kind: 'dynamic',
    code: 'GROS_MOBILIS',
    name: 'Mobilis Gros',
    operator: 'GMobilis',
    isEnabled: true,
    min_amount: 5000,
    max_amount: 300000,
  },
  {
    kind: 'dynamic',
    code: 'FACTURE_DJEZZY',
    name: 'Djezzy Facture',
    operator: 'Djezzy',
    cost: '0.99',
    isEnabled: true,
    min_amount: 100,
    max_amount: 20000,
  },
  {
    kind: 'dynamic',
    code: 'FACTURE_MOBILIS',
    name: 'Mobilis Facture',
    operator: 'Mobilis',
    cost: '0.99',
    isEnabled: false,
    min_amount: 100,
    max_amount: 20000,
  },
  {
    kind: 'fixed',
    code: 'PIXX_500',
    name: 'Pixx 500',
    operator: 'Pixx',
    cost: '0.97',
    isEnabled: true,
    amount: 500,
  },
  {
    kind: 'fixed',
    code: 'MIX500_MOBILIS',
    name: 'Mix 500',
    operator: 'Mobilis',
    cost: '0.97',
    isEnabled: true,
    amount: 500,
  },
  {
    kind: 'fixed',
    code: 'GETMENU_Mobilis',
    name: 'Mobilis offers',
    operator: 'Mobilis',
    isEnabled: true,
    amount: 0,
  },
  {
    kind: 'fixed',
    code: 'GETMENU_Ooredoo',
    name: 'Ooredoo offers',
    operator: 'Ooredoo',
    isEnabled: true,
    amount: 0,
  },
  {
    kind: 'fixed',
    code: 'GETMENU_Djezzy',
    name: 'Djezzy offers',
    operator: 'Djezzy',
    isEnabled: true,
    amount: 0,
  },
];

export function findPlan(code: string) {
  return SANDBOX_PLANS.find((plan) => plan.code === code);
}

/** The face amount a send tops up: the plan's own for fixed plans, the caller's otherwise. */
export function faceAmount(plan: SandboxPlan, requested: number | undefined) {
  return plan.kind === 'fixed' ? plan.amount : (requested ?? 0);
}

/** The catalogue as `/mobile/plans` returns it. */
export function plansResponse() {
  const view = ({ kind: _kind, ...plan }: SandboxPlan) => ({
    ...plan,
    cost: plan.cost === undefined ? undefined : Number(plan.cost),
  });
  return {
    dynamicPlans: SANDBOX_PLANS.filter((p) => p.kind === 'dynamic').map(view),
    fixedPlans: SANDBOX_PLANS.filter((p) => p.kind === 'fixed').map(view),
  };
}

/** Pixx and "GMobilis" are Mobilis products; the docs say so for Pixx/Sama. */
const OPERATOR_FAMILY: Record<string, string> = {
  djezzy: 'djezzy',
  mobilis: 'mobilis',
  gmobilis: 'mobilis',
  pixx: 'mobilis',
  ooredoo: 'ooredoo',
};

/**
 * Operator by prefix, per Algerian numbering (05 Ooredoo, 06 Mobilis, 07 Djezzy). The docs
 * only say "MSSIDN must match the plan's operator", so this mapping is the sandbox's own.
 */
export function operatorOfNumber(msisdn: string) {
  return { '5': 'ooredoo', '6': 'mobilis', '7': 'djezzy' }[msisdn[1] ?? ''];
}

export function planMatchesNumber(plan: SandboxPlan, msisdn: string) {
  return OPERATOR_FAMILY[plan.operator.toLowerCase()] === operatorOfNumber(msisdn);
}
