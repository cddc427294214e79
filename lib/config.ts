import { z } from 'zod';
import { dzdAmount } from './money-schema';

// Every setting an operator gives the desk through the environment, validated once. A bad value
// stops the start with a message naming the variable. The only other reads of process.env are
// the launcher's hand-off to its Next child (FLEXY_PARENT_PID) and LOG_LEVEL in lib/log.ts (the
// logger must work before the configuration is valid, to say what is wrong with it).

const onOff = z.enum(['on', 'off']);

/**
 * A URL with no `user:password@` (fetch refuses those, and they would end up in errors and
 * logs). Refinements also run on a value the URL check already refused: never throws.
 */
export function withoutCredentials(value: string): boolean {
  try {
    const u = new URL(value);
    return !u.username && !u.password;
  } catch {
    return false;
  }
}
const positiveInt = z.coerce.number().int().positive();
const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// or postgresql:// URL',
});

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * How many reverse proxies in front of the desk append to X-Forwarded-For. 0: none, and no
     * forwarded header is believed (the client could write anything in it).
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    DATABASE_URL: postgresUrl.optional(),
    /**
     * The owner of the tables, used only to migrate (default: DATABASE_URL). With it set,
     * DATABASE_URL's role is given rights to rows only: it cannot disable or drop the triggers
     * that keep the history tables append-only.
     */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default('.data'),
    ONECLICK_API_KEY: z.string().min(8, 'looks too short to be an API key').optional(),
    ONECLICK_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://api.oneclickdz.com/v3'),
    /**
     * Set by the launcher: 1 when it runs the embedded Postgres (no DATABASE_URL of the
     * operator's), whose daily backups the desk then makes itself.
     */
    FLEXY_EMBEDDED_DB: z.enum(['0', '1']).default('0'),
    /** Where the embedded database's daily backups go (default: <DATA_DIR>/backups). */
    BACKUP_DIR: z.string().min(1).optional(),
    /** Set by the launcher when it started the local emulator (no ONECLICK_API_KEY). */
    ONECLICK_SANDBOX: z.enum(['0', '1']).default('0'),
    /** In production, `on` lets the desk run on the local emulator (no ONECLICK_API_KEY). */
    SANDBOX: onOff.default('off'),
    ONECLICK_TIMEOUT_MS: positiveInt.default(10_000),
    UPSTREAM_MAX_RPS: positiveInt.default(10),
    UPSTREAM_MAX_CONCURRENCY: positiveInt.default(4),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    NEXTAUTH_URL: z.url({ error: 'must be a URL such as https://desk.example.com' }).optional(),
    /** In production, `on` allows a plain http NEXTAUTH_URL (e.g. TLS ends before a private hop). */
    ALLOW_INSECURE_HTTP: onOff.default('off'),
    WORKER: onOff.default('on'),
    /** The local emulator's background orders per minute (`npm start` without a key). */
    SANDBOX_TRAFFIC: z.coerce.number().int().min(0).max(600).default(3),
    /**
     * Days of past orders the local emulator holds on its first start (no state file yet), for
     * the desk to import through its list backfill; 0 starts it empty. ~335 orders a day.
     */
    SANDBOX_HISTORY_DAYS: z.coerce.number().int().min(0).max(365).default(90),
    /** The local emulator's port; 0 picks a free one. */
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    /** How often the background engine ticks; shorter reacts faster and calls more. */
    WORKER_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    /**
     * The bearer token Prometheus sends to GET /api/metrics (e.g. `openssl rand -hex 32`).
     * Unset: the endpoint answers 404.
     */
    METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
    SESSION_IDLE_MINUTES: positiveInt.max(24 * 60).default(30),
    SESSION_MAX_HOURS: positiveInt.max(24 * 7).default(12),
    REFUND_WEBHOOK_URL: z
      .url({ error: 'must be a URL', abort: true })
      // fetch refuses URLs with credentials, and they would end up in errors and logs; the
      // webhook is authenticated by its HMAC signature (REFUND_WEBHOOK_SECRET) instead.
      .refine(
        withoutCredentials,
        'must not contain credentials (user:password@); the signature authenticates the webhook',
      )
      .optional(),
    REFUND_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /**
     * Where alert and digest emails go out: smtp://user:pass@host:587 (STARTTLS when offered)
     * or smtps://…:465. Unset: no email; the bell and the alert webhook still work.
     */
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    /** The From of alert and digest emails. */
    ALERT_EMAIL_FROM: z.string().min(3).default('Flexy Desk <flexy-desk@localhost>'),
    /**
     * After SIGTERM, how long an instance may take to finish its requests and background batch
     * before it exits anyway (keep it below the process manager's own stop timeout).
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
    /** After SIGTERM, how long readiness says 503 while requests are still served (a load
     * balancer's time to take the instance out) before the server stops accepting. */
    SHUTDOWN_UNREADY_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Refunds above this many DZD need a second finance user's approval. */
    REFUND_APPROVAL_THRESHOLD: dzdAmount(
      'must be an amount in DZD such as 5000 or 5000.50',
    ).default('5000'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_SECRET'],
        message: 'is required in production (generate one with `openssl rand -base64 48`)',
      });
    }
    if (env.NODE_ENV === 'production' && !env.ONECLICK_API_KEY && env.SANDBOX !== 'on') {
      ctx.addIssue({
        code: 'custom',
        path: ['ONECLICK_API_KEY'],
        message:
          'is required in production: without it the desk would run on the local emulator and ' +
          'confirm nothing real. Set SANDBOX=on if the emulator is what you want',
      });
    }
    if (
      env.NODE_ENV === 'production' &&
      env.ALLOW_INSECURE_HTTP !== 'on' &&
      !env.NEXTAUTH_URL?.startsWith('https://')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXTAUTH_URL'],
        message:
          'must be the https:// address of the desk in production (session cookies are then ' +
          'Secure). Set ALLOW_INSECURE_HTTP=on only if plain http is really intended',
      });
    }
    if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: 'is set but DATABASE_URL is not: set DATABASE_URL to the runtime role too',
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
