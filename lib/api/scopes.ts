// What an API token may do, chosen by the admin when creating it. The one home of the scope
// names: zod, the admin form, withToken and the OpenAPI document read them from here. The
// column default in db/schema/api.ts (all three, for tokens made before scopes) repeats them,
// since db/ does not import lib/.

export const API_SCOPES = ['read', 'register', 'refund', 'resend'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The operation each scope opens, as the shop's developers read it in the API document. */
export const SCOPE_OPERATIONS: Record<ApiScope, string> = {
  read: 'GET /api/v1/topups/{idOrRef}',
  register: 'POST /api/v1/topups',
  refund: 'POST /api/v1/topups/{idOrRef}/refund',
  resend: 'POST /api/v1/topups/{idOrRef}/resend',
};

/** Scopes in their canonical order, without repeats or names we do not know. */
export function normalizeScopes(values: readonly string[]): ApiScope[] {
  return API_SCOPES.filter((scope) => values.includes(scope));
}
