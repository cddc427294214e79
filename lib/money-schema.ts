import { z } from 'zod';
import { DZD_AMOUNT_PATTERN, isDzdAmount } from './money';

// Kept apart from lib/money.ts, which client components import for formatting: zod stays out
// of the browser's bundles (it would add ~30 KB to every page that shows an amount).

const DZD_AMOUNT = new RegExp(DZD_AMOUNT_PATTERN);

/**
 * A DZD amount typed as text, for every zod schema that takes one (filters, config, the
 * ingest API). The `regex` is for JSON Schema readers; `isDzdAmount` also holds it to
 * MAX_DZD, which a pattern cannot say.
 */
export const dzdAmount = (message?: string) =>
  z
    .string(message === undefined ? undefined : { error: message })
    .regex(DZD_AMOUNT, message === undefined ? undefined : { error: message })
    .refine(isDzdAmount, message === undefined ? undefined : { error: message });
