import type { Config } from '../config';

/**
 * What the launcher adds to the environment of the Next.js server it starts. `next start`
 * always runs with NODE_ENV=production, so a local start (the operator did not say
 * production) states what it allowed: plain http on its own address. The web server gets the
 * runtime database role only, never MIGRATION_DATABASE_URL (the owner).
 */
export function webServerEnv(input: {
  config: Config;
  parentPid: number;
  nextauthSecret: string;
  databaseUrl: string;
  sandbox?: { url: string; apiKey: string };
  /** The launcher runs the embedded Postgres: the desk backs it up. */
  embeddedDb?: boolean;
}): Record<string, string> {
  const { config } = input;
  const nextauthUrl = config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
  const env: Record<string, string> = {
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(config.PORT),
    FLEXY_PARENT_PID: String(input.parentPid),
    NEXTAUTH_URL: nextauthUrl,
    NEXTAUTH_SECRET: input.nextauthSecret,
    DATABASE_URL: input.databaseUrl,
    MIGRATION_DATABASE_URL: '',
    FLEXY_EMBEDDED_DB: input.embeddedDb ? '1' : '0',
  };
  if (config.NODE_ENV !== 'production' && !nextauthUrl.startsWith('https://'))
    env.ALLOW_INSECURE_HTTP = 'on';
  if (input.sandbox)
    Object.assign(env, {
      ONECLICK_BASE_URL: input.sandbox.url,
      ONECLICK_API_KEY: input.sandbox.apiKey,
      ONECLICK_SANDBOX: '1',
    });
  return env;
}
