import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { createUser } from '../users/service';
import { authenticate } from './authenticate';
import {
  currentCode,
  newEnrolment,
  newRecoveryCodes,
  sealSecret,
  storeRecoveryCodes,
} from './totp';

const SERVER_SECRET = 'a-test-nextauth-secret-of-at-least-32-chars';
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** A finance user with a second factor enrolled; returns the secret and recovery codes. */
async function enrolled(email: string) {
  const user = await t.db.transaction((tx) =>
    createUser(tx, { email, name: 'Finance', role: 'finance', password: 'correct horse battery' }),
  );
  const { secret } = await newEnrolment(email);
  const codes = newRecoveryCodes();
  await t.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: sealSecret(secret, SERVER_SECRET), totpEnabledAt: new Date() })
      .where(eq(users.id, user.id));
    await storeRecoveryCodes(tx, user.id, codes);
  });
  return { user, secret, codes };
}

const signIn = (email: string, code?: string, now = new Date()) =>
  authenticate(
    t.db,
    { email, password: 'correct horse battery', code },
    { serverSecret: SERVER_SECRET, now },
  );

describe('signing in with a second factor', () => {
  it('asks for the code after the right password, and lets the person in with it', async () => {
    const { secret } = await enrolled('two@example.dz');
    expect(await signIn('two@example.dz')).toEqual({ ok: false, reason: 'second_factor' });
    const result = await signIn('two@example.dz', currentCode(secret));
    expect(result).toMatchObject({ ok: true, user: { secondFactor: true } });
  });

  it('accepts a code only once', async () => {
    const { secret } = await enrolled('once@example.dz');
    const now = new Date();
    const code = currentCode(secret, now.getTime());
    expect((await signIn('once@example.dz', code, now)).ok).toBe(true);
    expect(await signIn('once@example.dz', code, now)).toEqual({
      ok: false,
      reason: 'invalid_code',
    });
  });

  it('throttles wrong codes like wrong passwords: the sixth try is locked, even with the right code', async () => {
    const { secret } = await enrolled('guess@example.dz');
    for (let i = 0; i < 5; i++)
      expect(await signIn('guess@example.dz', '000000')).toMatchObject({ reason: 'invalid_code' });
    expect(await signIn('guess@example.dz', currentCode(secret))).toEqual({
      ok: false,
      reason: 'locked',
    });
  });

  it('does not count asking for the code as a failure, nor let it undo one', async () => {
    const { secret } = await enrolled('ask@example.dz');
    for (let i = 0; i < 4; i++) {
      await signIn('ask@example.dz'); // the code prompt
      await signIn('ask@example.dz', '111111'); // a wrong code
    }
    await signIn('ask@example.dz');
    expect(await signIn('ask@example.dz', '222222')).toMatchObject({ reason: 'invalid_code' });
    expect(await signIn('ask@example.dz', currentCode(secret))).toMatchObject({ reason: 'locked' });
  });

  it('takes each recovery code once', async () => {
    const { codes } = await enrolled('lost-phone@example.dz');
    const [code] = codes;
    if (!code) throw new Error('no code');
    expect((await signIn('lost-phone@example.dz', code.toUpperCase())).ok).toBe(true);
    expect(await signIn('lost-phone@example.dz', code)).toEqual({
      ok: false,
      reason: 'invalid_code',
    });
  });
});
