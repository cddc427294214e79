import { z } from 'zod';
import type { AlertCondition } from '../../db/enums';

// Each condition's thresholds: the defaults, and what an admin may set instead (the settings
// form and the stored row are parsed by the same schema). One home for every alert threshold.

/** A blank form field means "the default", not 0. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const hours = z.preprocess(
  blank,
  z.coerce
    .number()
    .positive()
    .max(24 * 30),
);
const minutes = z.preprocess(
  blank,
  z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60),
);

export const THRESHOLDS = {
  /** Balance runway at the spend rate of the last 3 hours. */
  runway: z.object({ hours: hours.default(6) }),
  unknown_backlog: z.object({ hours: hours.default(24) }),
  /**
   * An operator's failed share (REFUNDED + UNKNOWN_ERROR of settled) over the last
   * `windowMinutes`, against the same hour of the 7 days before, with a minimum of settled
   * orders so three orders cannot page anyone. `floorRate`: the baseline used when the week
   * had almost no failures (3 × 0 % would fire on the first one).
   */
  operator_failures: z.object({
    factor: z.coerce.number().min(1).max(100).default(3),
    minOrders: z.coerce.number().int().min(1).max(100_000).default(20),
    windowMinutes: minutes.default(15),
    floorRate: z.coerce.number().positive().max(1).default(0.02),
  }),
  sync_stalled: z.object({ minutes: minutes.default(2) }),
  credentials: z.object({}),
  webhook_failing: z.object({ minutes: minutes.default(30) }),
  reconciliation: z.object({}),
  ingest_waiting: z.object({ minutes: minutes.default(60) }),
  /** The last backup failed, or none succeeded for this long (embedded database only). */
  backup_failed: z.object({ hours: hours.default(36) }),
} satisfies Record<AlertCondition, z.ZodObject>;

export type Thresholds = { [C in AlertCondition]: z.infer<(typeof THRESHOLDS)[C]> };

/** A blank form field means "the default", never 0 (what Number('') would make of it). */
export function withoutBlanks(params: unknown): Record<string, unknown> {
  if (!params || typeof params !== 'object') return {};
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => !(typeof v === 'string' && v.trim() === '')),
  );
}

/** A condition's thresholds from its stored params; unknown or bad values fall back to defaults. */
export function thresholdsOf<C extends AlertCondition>(
  condition: C,
  params: unknown,
): Thresholds[C] {
  const schema = THRESHOLDS[condition];
  const parsed = schema.safeParse(withoutBlanks(params));
  return (parsed.success ? parsed.data : schema.parse({})) as Thresholds[C];
}

export const defaultThresholds = <C extends AlertCondition>(condition: C) =>
  thresholdsOf(condition, {});
