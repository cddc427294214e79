import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, signInThrottle, users } from '../../db/schema';
import { createTestDb, type TestDb } from '../../test/db';
import { createUser } from '../users/service';
import { authenticate } from './authenticate';
import { emailKey, HARD_CAP, throttleStates } from './throttle';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function staff(email: string, password = 'correct horse battery') {
  return t.db.transaction((tx) =>
    createUser(tx, { email, name: 'Test', role: 'support', password }),
  );
}

describe('signing in with email and password', () => {
  it('accepts the right password whatever the email’s letter case, and resets the failure count', async () => {
    const user = await staff('Amina@Example.dz');
    await authenticate(t.db, { email: 'amina@example.dz', password: 'wrong' });
    const result = await authenticate(t.db, {
      email: ' AMINA@example.DZ ',
      password: 'correct horse battery',
    });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: 'support' } });
    const [row] = await t.db
      .select({ last: users.lastLoginAt })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.last).toBeInstanceOf(Date);
    expect((await throttleStates(t.db, ['amina@example.dz'])).size).toBe(0);
  });

  it('never tells an unknown email apart from a wrong password', async () => {
    await staff('known@example.dz');
    const unknown = await authenticate(t.db, { email: 'ghost@example.dz', password: 'x' });
    const wrong = await authenticate(t.db, { email: 'known@example.dz', password: 'x' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
  });

  it('spends the password-hashing time on unknown emails too', async () => {
    await staff('timing@example.dz');
    const time = async (email: string) => {
      const started = performance.now();
      await authenticate(t.db, { email, password: 'wrong' });
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const unknown: number[] = [];
    const known: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await time(`nobody-${i}@example.dz`));
      known.push(await time('timing@example.dz'));
    }
    // Skipping the hash for unknown emails would make them ~20x faster; allow noise, not that.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('locks after five failures, refuses the right password while locked, and counts nothing then', async () => {
    const user = await staff('locked@example.dz');
    for (let i = 0; i < 5; i++)
      await authenticate(t.db, { email: 'locked@example.dz', password: `bad${i}` });
    expect(
      await authenticate(t.db, { email: 'locked@example.dz', password: 'correct horse battery' }),
    ).toEqual({
      ok: false,
      reason: 'locked',
    });
    const state = (await throttleStates(t.db, [user.email])).get('locked@example.dz');
    expect(state?.failures).toBe(5);
    expect(state?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('checks no more than five of 25 simultaneous wrong passwords before the lock applies', async () => {
    const user = await staff('burst@example.dz');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        authenticate(t.db, { email: 'burst@example.dz', password: `guess-${i}` }),
      ),
    );
    const checked = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.targetId, user.id));
    const reasons = checked.map((r) => (r.details as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(20);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(20);
  });

  it('locks an unknown email exactly as it locks a real account, so a lockout reveals nothing', async () => {
    await staff('real@example.dz');
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await authenticate(t.db, { email, password: `nope-${i}` });
        out.push(r.ok ? 'ok' : r.reason);
      }
      return out;
    };
    const real = await answers('real@example.dz');
    expect(real).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'locked',
      'locked',
    ]);
    expect(await answers('nobody-here@example.dz')).toEqual(real);
  });

  it('stays locked at the hard cap until an admin unlocks', async () => {
    await staff('capped@example.dz');
    await t.db
      .insert(signInThrottle)
      .values({ emailHash: emailKey('capped@example.dz'), failures: HARD_CAP, lockedUntil: null });
    expect(
      await authenticate(t.db, { email: 'capped@example.dz', password: 'correct horse battery' }),
    ).toMatchObject({
      reason: 'locked',
    });
  });

  it('refuses a disabled account only once the password is right, so it reveals nothing to guessers', async () => {
    const user = await staff('gone@example.dz');
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await authenticate(t.db, { email: 'gone@example.dz', password: 'nope' })).toMatchObject({
      reason: 'invalid',
    });
    expect(
      await authenticate(t.db, { email: 'gone@example.dz', password: 'correct horse battery' }),
    ).toMatchObject({
      reason: 'disabled',
    });
  });

  it('audits every attempt, successful or not, without the password', async () => {
    const user = await staff('audited@example.dz');
    await authenticate(t.db, {
      email: 'audited@example.dz',
      password: 'secret-guess-123',
      ip: '10.0.0.9',
    });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'auth.sign_in',
      outcome: 'denied',
      ip: '10.0.0.9',
      details: { reason: 'wrong_password' },
    });
    expect(JSON.stringify(rows)).not.toContain('secret-guess-123');
  });
});
