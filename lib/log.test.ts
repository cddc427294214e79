import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger(sink), lines };
}

describe('logs never carry secrets', () => {
  it('redacts passwords, API keys, tokens and cookies at the top level and one level down', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: 'hunter2hunter2',
        apiKey: 'ea27b376-secret',
        user: { email: 'a@b.dz', passwordHash: '$argon2id$v=19$abc' },
        req: { headers: { cookie: 'session=abc', 'x-access-token': 'ea27b376-secret' } },
      },
      'login attempt',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('ea27b376-secret');
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain('session=abc');
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'login attempt',
      user: { email: 'a@b.dz' },
    });
  });

  it('never carries the parameters of a failed query, logged as err, as error or on its own', () => {
    const { logger, lines } = capture();
    const error = new DrizzleQueryError(
      'update users set password_hash = $1 where id = $2',
      ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'u-1'],
      new Error('canceling statement due to statement timeout'),
    );
    logger.error({ err: error }, 'action failed');
    logger.error({ error }, 'tick failed');
    logger.error(error);
    const text = JSON.stringify(lines);
    expect(text).not.toContain('$argon2');
    expect(text).toContain('statement timeout');
    expect(lines[0]).toMatchObject({ err: { type: 'DrizzleQueryError' } });
  });
});
