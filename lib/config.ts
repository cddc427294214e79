import { z } from 'zod';

// Every setting the desk reads from the environment, validated once. A bad value stops the
// start with a message naming the variable; nothing reads process.env for these elsewhere.

const onOff = z.enum(['on', 'off']);
const positiveInt = z.coerce.number().int().positive();

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    ONECLICK_API_KEY: z.string().min(8, 'looks too short to be an API key').optional(),
    ONECLICK_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://api.oneclickdz.com/v3'),
    /** Set by the launcher when it started the local emulator (no ONECLICK_API_KEY). */
    ONECLICK_SANDBOX: z.enum(['0', '1']).default('0'),
    ONECLICK_TIMEOUT_MS: positiveInt.default(10_000),
    UPSTREAM_MAX_RPS: positiveInt.default(10),
    UPSTREAM_MAX_CONCURRENCY: positiveInt.default(4),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.url({ error: 'must be a URL such as https://desk.example.com' }).optional(),
    WORKER: onOff.default('on'),
    /** How often the background engine ticks; shorter reacts faster and calls more. */
    WORKER_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
    SESSION_MAX_HOURS: positiveInt.max(24 * 7).default(12),
    REFUND_WEBHOOK_URL: z.url({ error: 'must be a URL' }).optional(),
    REFUND_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Refunds above this many DZD need a second finance user's approval. */
    REFUND_APPROVAL_THRESHOLD: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be an amount in DZD such as 5000 or 5000.50')
      .default('5000'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'is required in production (generate one with `openssl rand -base64 48`)',
      });
    }
    if (env.REFUND_WEBHOOK_URL && !env.REFUND_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['REFUND_WEBHOOK_SECRET'],
        message: 'is required when REFUND_WEBHOOK_URL is set (webhooks are signed)',
      });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as a blank line in an .env file means. */
function withoutBlanks(env: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(withoutBlanks(env));
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
  );
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
