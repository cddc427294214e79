import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { formatNumber } from '../i18n/numbers';

/** The command line speaks the desk's default language. */
const n = (value: number) => formatNumber(value, DEFAULT_LOCALE);

// Command-line options of `npm run db:seed`, parsed by node:util and checked by zod so a bad
// value stops the script with a message naming the option.

export const MAX_ORDERS = 20_000_000;
export const DEFAULT_SEED = 20_260_101;

export const USAGE = `usage: npm run db:seed -- --orders <n> [--days 180] [--seed ${DEFAULT_SEED}] [--batch 50000]

  --orders  orders to add, 1..${n(MAX_ORDERS)} (required)
  --days    how far back upstream_created_at goes, 1..1095 (default 180)
  --seed    random seed; the same seed and options give the same orders (default ${DEFAULT_SEED})
  --batch   orders per transaction, 1,000..500,000 (default 50,000)

Database: DATABASE_URL, else the running \`npm start\`'s embedded Postgres, else the one in .data.`;

/** A whole number typed with optional thousands separators: 1000000, 1_000_000, 1,000,000. */
const whole = (label: string, min: number, max: number) =>
  z
    .string()
    .transform((s) => s.replace(/[_,]/g, ''))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `${label} must be a whole number`)
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(min, `${label} must be at least ${n(min)}`)
            .max(max, `${label} must be at most ${n(max)}`),
        ),
    );

const schema = z.object({
  orders: z.string({ error: '--orders is required' }).pipe(whole('--orders', 1, MAX_ORDERS)),
  days: whole('--days', 1, 1095).default(180),
  seed: whole('--seed', 0, 2 ** 31 - 1).default(DEFAULT_SEED),
  batch: whole('--batch', 1_000, 500_000).default(50_000),
});

export type SeedCliOptions = z.output<typeof schema>;

export class SeedArgsError extends Error {}

/** Parses `--orders 1000000 --days 90 …`; throws SeedArgsError with every problem listed. */
export function parseSeedArgs(argv: string[]): SeedCliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        orders: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new SeedArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const parsed = schema.safeParse(values);
  if (!parsed.success)
    throw new SeedArgsError(parsed.error.issues.map((i) => i.message).join('\n'));
  return parsed.data;
}
