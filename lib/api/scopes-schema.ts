import { z } from 'zod';
import { API_SCOPES, normalizeScopes } from './scopes';

// Apart from lib/api/scopes.ts, which the admin's client form imports: zod stays server-side.

/**
 * The scopes a form sends (one checkbox value, or several): at least one, only known ones.
 * `message` is what the caller shows when the choice is empty or unknown.
 */
export function scopesSchema(message: string) {
  return z
    .union([z.string(), z.array(z.string())], { error: message })
    .transform((v) => (typeof v === 'string' ? [v] : v))
    .pipe(z.array(z.enum(API_SCOPES, { error: message })).min(1, { error: message }))
    .transform(normalizeScopes);
}
