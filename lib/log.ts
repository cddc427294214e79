import pino from 'pino';

// Structured JSON logs on stdout. Secrets are redacted by key wherever they appear, so a
// careless `log.info({ headers })` cannot leak a key, a cookie or a password.
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
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export const log = createLogger();

export type Logger = ReturnType<typeof createLogger>;
