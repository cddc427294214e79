// What a cold desk page may download: compressed JavaScript, as the server sends it (brotli for
// a browser that accepts it). Core Web Vitals guidance budgets ~170 KB; the desk keeps each
// page at 150 KB and the reports page, which draws charts, at 250 KB. Checked in `npm test`
// (e2e/budget.spec.ts) and printed by `npm run bench:web`.

/** Every desk page; ORDER stands for one order's page. */
export const DESK_ROUTES = [
  '/',
  '/orders',
  'ORDER',
  '/unknown',
  '/refunds',
  '/reconciliation',
  '/reports',
  '/health',
  '/track',
  '/settings',
  '/admin/users',
  '/admin/tokens',
  '/admin/audit',
] as const;

export const JS_BUDGET_KB: Record<string, number> = { '/reports': 250 };
export const DEFAULT_JS_BUDGET_KB = 150;

export const jsBudgetKb = (route: string) => JS_BUDGET_KB[route] ?? DEFAULT_JS_BUDGET_KB;
