import { DrizzleQueryError } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { errorMessage, serializeError } from './scrub';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

function pgError(message: string, fields: Partial<pg.DatabaseError>) {
  return Object.assign(new pg.DatabaseError(message, 0, 'error'), fields);
}

function failedInsert(cause: Error) {
  return new DrizzleQueryError(
    'insert into "users" ("email", "password_hash") values ($1, $2)',
    ['a@b.dz', HASH],
    cause,
  );
}

describe('error messages keep what went wrong, never the values', () => {
  it('drops the parameters of a failed query and keeps the statement and the cause', () => {
    const error = failedInsert(
      pgError('duplicate key value violates unique constraint "users_email_lower_key"', {
        code: '23505',
        constraint: 'users_email_lower_key',
        detail: 'Key (lower(email))=(a@b.dz) already exists.',
      }),
    );
    const message = errorMessage(error);
    expect(message).toContain('insert into "users"');
    expect(message).toContain('users_email_lower_key');
    expect(message).not.toContain('a@b.dz');
    expect(message).not.toContain('$argon2');
  });

  it('serialises for the log with code, constraint and a detail that names the key but not its value', () => {
    const error = failedInsert(
      pgError('duplicate key value violates unique constraint "users_email_lower_key"', {
        code: '23505',
        constraint: 'users_email_lower_key',
        table: 'users',
        detail: 'Key (lower(email))=(a@b.dz) already exists.',
      }),
    );
    const logged = serializeError(error) as { stack?: string };
    const text = JSON.stringify(logged);
    expect(text).not.toContain('a@b.dz');
    expect(text).not.toContain('$argon2');
    expect(logged).toMatchObject({ type: 'DrizzleQueryError' });
    expect(text).toContain('users_email_lower_key');
    expect(text).toContain('Key (lower(email))=([redacted]) already exists.');
    expect(logged.stack).toContain('scrub.test.ts');
  });

  it('hides a whole failing row and a bad value Postgres quotes back', () => {
    const notNull = pgError('null value in column "name" of relation "users"', {
      code: '23502',
      detail: `Failing row contains (42, a@b.dz, null, ${HASH}).`,
    });
    const badUuid = pgError('invalid input syntax for type uuid: "0778037340"', {
      code: '22P02',
    });
    for (const error of [notNull, badUuid]) {
      const text = JSON.stringify(serializeError(error)) + errorMessage(error);
      expect(text).not.toContain('a@b.dz');
      expect(text).not.toContain('argon2');
      expect(text).not.toContain('0778037340');
    }
  });

  it('leaves ordinary errors alone', () => {
    const error = Object.assign(new Error('upstream timed out'), { httpStatus: 504 });
    expect(errorMessage(error)).toBe('upstream timed out');
    expect(serializeError(error)).toMatchObject({
      type: 'Error',
      message: 'upstream timed out',
      httpStatus: 504,
    });
    expect(errorMessage('plain text')).toBe('plain text');
  });
});
