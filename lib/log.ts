import pino from 'pino';
import { errorMessage, scrubText, serializeError } from './errors/scrub';

// Structured JSON logs on stdout. Secrets are redacted by key wherever they appear, so a
// careless `log.info({ headers })` cannot leak a key, a cookie or a password; errors lose the
// values of a failed query (lib/errors/scrub.ts).
const REDACT = [
  'password',
  'passwordHash',
  'password_hash',
  'apiKey',
  'token',
  'secret',
  'authorization',
  'cookie',
  '*.password',
  '*.passwordHash',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  'headers["x-access-token"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["x-access-token"]',
];

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? 'info',
      base: { service: 'flexy-desk', pid: process.pid },
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      hooks: {
        // `log.error(err)` makes the error's message the line's msg: scrub it like the rest.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const scrubbed = rest.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          if (first instanceof Error && scrubbed.length === 0) scrubbed.push(errorMessage(first));
          const head = typeof first === 'string' ? scrubText(first) : first;
          return method.apply(this, [head, ...scrubbed] as Parameters<typeof method>);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export const log = createLogger();

export type Logger = ReturnType<typeof createLogger>;
