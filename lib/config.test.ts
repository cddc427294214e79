import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const SECRET = 'x'.repeat(48);
const production = {
  NODE_ENV: 'production',
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: 'https://desk.example.dz',
  ONECLICK_API_KEY: 'ea27b376-live-key',
  DATABASE_URL: 'postgres://flexy:pw@db.internal:5432/flexy',
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('production refuses unsafe defaults', () => {
  it('a complete production configuration starts', () => {
    expect(problems(production)).toEqual([]);
  });

  it('without ONECLICK_API_KEY, production stops unless SANDBOX=on says the emulator is wanted', () => {
    const found = problems({ ...production, ONECLICK_API_KEY: undefined });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^ONECLICK_API_KEY .*SANDBOX=on/);
    expect(problems({ ...production, ONECLICK_API_KEY: undefined, SANDBOX: 'on' })).toEqual([]);
  });

  it('production needs an https NEXTAUTH_URL unless ALLOW_INSECURE_HTTP=on', () => {
    for (const url of ['http://desk.example.dz', undefined]) {
      const found = problems({ ...production, NEXTAUTH_URL: url });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^NEXTAUTH_URL .*https.*ALLOW_INSECURE_HTTP=on/);
    }
    expect(
      problems({ ...production, NEXTAUTH_URL: 'http://10.0.0.5:3000', ALLOW_INSECURE_HTTP: 'on' }),
    ).toEqual([]);
  });

  it('development keeps working on the emulator and plain http', () => {
    expect(problems({ NODE_ENV: 'development', NEXTAUTH_URL: 'http://localhost:3000' })).toEqual(
      [],
    );
  });

  it('SANDBOX and ALLOW_INSECURE_HTTP take on or off, nothing else', () => {
    expect(problems({ ...production, SANDBOX: 'yes' })[0]).toMatch(/^SANDBOX /);
    expect(problems({ ...production, ALLOW_INSECURE_HTTP: 'true' })[0]).toMatch(
      /^ALLOW_INSECURE_HTTP /,
    );
  });
});

describe('database roles and proxies', () => {
  it('TRUST_PROXY_HOPS defaults to 0 (no forwarded header believed) and takes a small integer', () => {
    expect(parseConfig({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseConfig({ TRUST_PROXY_HOPS: '2' }).TRUST_PROXY_HOPS).toBe(2);
    expect(problems({ TRUST_PROXY_HOPS: '-1' })[0]).toMatch(/^TRUST_PROXY_HOPS /);
    expect(problems({ TRUST_PROXY_HOPS: 'all' })[0]).toMatch(/^TRUST_PROXY_HOPS /);
  });

  it('MIGRATION_DATABASE_URL is a postgres URL and only makes sense with DATABASE_URL', () => {
    const owner = 'postgres://owner:pw@db.internal:5432/flexy';
    expect(
      parseConfig({ ...production, MIGRATION_DATABASE_URL: owner }).MIGRATION_DATABASE_URL,
    ).toBe(owner);
    expect(problems({ ...production, MIGRATION_DATABASE_URL: 'mysql://x' })[0]).toMatch(
      /^MIGRATION_DATABASE_URL /,
    );
    expect(
      problems({ ...production, DATABASE_URL: undefined, MIGRATION_DATABASE_URL: owner })[0],
    ).toMatch(/^MIGRATION_DATABASE_URL .*DATABASE_URL/);
  });

  it('REFUND_WEBHOOK_URL with a user and password in it is refused: it would never deliver, and would leak', () => {
    const hook = { REFUND_WEBHOOK_SECRET: 's'.repeat(32) };
    expect(
      problems({ ...production, ...hook, REFUND_WEBHOOK_URL: 'https://shop:pw@shop.dz/hooks' })[0],
    ).toMatch(/^REFUND_WEBHOOK_URL .*credentials/);
    expect(
      parseConfig({ ...production, ...hook, REFUND_WEBHOOK_URL: 'https://shop.dz/hooks' })
        .REFUND_WEBHOOK_URL,
    ).toBe('https://shop.dz/hooks');
  });

  it('a REFUND_WEBHOOK_URL that is not a URL is named, not a crash', () => {
    const hook = { REFUND_WEBHOOK_SECRET: 's'.repeat(32) };
    expect(problems({ ...production, ...hook, REFUND_WEBHOOK_URL: 'shop.dz hooks' })).toEqual([
      'REFUND_WEBHOOK_URL must be a URL',
    ]);
  });

  it('SMTP_URL is an smtp:// or smtps:// URL', () => {
    expect(problems({ ...production, SMTP_URL: 'mail.shop.dz:587' })[0]).toMatch(
      /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(
      parseConfig({ ...production, SMTP_URL: 'smtp://desk:pw@mail.shop.dz:587' }).SMTP_URL,
    ).toBe('smtp://desk:pw@mail.shop.dz:587');
  });
});

describe('the local emulator', () => {
  it('holds 90 days of history on a first start unless SANDBOX_HISTORY_DAYS says otherwise (0: none)', () => {
    expect(parseConfig({}).SANDBOX_HISTORY_DAYS).toBe(90);
    expect(parseConfig({ SANDBOX_HISTORY_DAYS: '0' }).SANDBOX_HISTORY_DAYS).toBe(0);
    expect(parseConfig({ SANDBOX_HISTORY_DAYS: '7' }).SANDBOX_HISTORY_DAYS).toBe(7);
    for (const bad of ['-1', '1.5', 'ninety', '400'])
      expect(problems({ SANDBOX_HISTORY_DAYS: bad })[0]).toMatch(/^SANDBOX_HISTORY_DAYS /);
  });
});
