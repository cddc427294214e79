import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config';
import { webServerEnv } from './web-env';

// `next start` runs the web server with NODE_ENV=production whatever the operator chose, so
// what the launcher hands it must pass production's checks on its own.
const sandbox = { url: 'http://127.0.0.1:45001/v3', apiKey: 'sandbox-key-123456' };
const base = {
  parentPid: 4242,
  nextauthSecret: 's'.repeat(64),
  databaseUrl: 'postgres://flexy_app:pw@127.0.0.1:54329/flexy',
};

describe('the web server the launcher starts', () => {
  it('a local demo (no NODE_ENV, emulator, http://localhost) passes the checks next start applies', () => {
    const operator = {};
    const env = webServerEnv({ ...base, config: parseConfig(operator), sandbox });
    const child = parseConfig({ ...operator, ...env, NODE_ENV: 'production' });
    expect(child).toMatchObject({
      NEXTAUTH_URL: 'http://localhost:3000',
      ONECLICK_API_KEY: sandbox.apiKey,
      ONECLICK_SANDBOX: '1',
    });
  });

  it('in production it adds no exemption the operator did not set', () => {
    const operator = {
      NODE_ENV: 'production',
      NEXTAUTH_URL: 'https://desk.example.dz',
      NEXTAUTH_SECRET: 'x'.repeat(48),
      ONECLICK_API_KEY: 'live-key-123456',
    };
    const env = webServerEnv({ ...base, config: parseConfig(operator) });
    expect(env.ALLOW_INSECURE_HTTP).toBeUndefined();
    expect(env.SANDBOX).toBeUndefined();
    expect(env.NEXTAUTH_URL).toBe('https://desk.example.dz');
  });

  it('never hands the web server the owner’s database URL', () => {
    const operator = {
      DATABASE_URL: base.databaseUrl,
      MIGRATION_DATABASE_URL: 'postgres://owner:secret@127.0.0.1:54329/flexy',
    };
    const env = webServerEnv({ ...base, config: parseConfig(operator), sandbox });
    expect(env.DATABASE_URL).toBe(base.databaseUrl);
    expect(env.MIGRATION_DATABASE_URL).toBe('');
    expect(JSON.stringify(env)).not.toContain('owner:secret');
  });
});
