import { Writable } from 'node:stream';
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
});
