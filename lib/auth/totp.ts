import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Db, Tx } from '../../db/client';
import type { Role } from '../../db/enums';
import {
  markRecoveryCodeUsed,
  replaceRecoveryCodes,
  spendTotpStep,
} from '../../db/queries/second-factor';
import { open, seal } from './secret-box';

// Two-factor sign-in with time-based codes (RFC 6238, what every authenticator app speaks), and
// single-use recovery codes for a lost phone. Required for the roles that move money or rights.

export const SECOND_FACTOR_ROLES: readonly Role[] = ['finance', 'admin'];
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Flexy Desk';
const PURPOSE = 'totp-secret';
const PERIOD = 30;

export function secondFactorRequired(role: Role) {
  return SECOND_FACTOR_ROLES.includes(role);
}

const totpFor = (base32: string, label = 'account') =>
  new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(base32),
    period: PERIOD,
    digits: 6,
    algorithm: 'SHA1',
  });

/** A new secret to enrol: its text (for typing in), its otpauth URI and a QR code (SVG). */
export async function newEnrolment(email: string) {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

export function sealSecret(base32: string, serverSecret: string) {
  return seal(base32, serverSecret, PURPOSE);
}

/**
 * The 30-second step a code is valid for right now (±1 step for clock drift), or null.
 * Pure: the caller records the step so the same code cannot be used twice.
 */
export function matchingStep(base32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(base32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The current code of a secret (for tests and the demo helper; never shown in the desk). */
export function currentCode(base32: string, now = Date.now()) {
  return totpFor(base32).generate({ timestamp: now });
}

/**
 * Checks a person's code and spends it: accepted once per step, atomically, so a code seen over
 * someone's shoulder (or replayed from a log) does not work a second time.
 */
export async function verifyTotp(
  db: Db | Tx,
  user: { id: string; totpSecret: string | null },
  code: string,
  serverSecret: string,
  now = Date.now(),
): Promise<boolean> {
  const base32 = user.totpSecret ? open(user.totpSecret, serverSecret, PURPOSE) : null;
  const step = base32 ? matchingStep(base32, code, now) : null;
  if (step === null) return false;
  return spendTotpStep(db, user.id, step);
}

// --- recovery codes ------------------------------------------------------------------------

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const recoveryCodeHash = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');

/** Ten codes of 10 characters (≈ 49 bits each), shown once as "xxxxx-xxxxx"; kept hashed. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A person's recovery codes become these (kept hashed); the old ones stop working. */
export async function storeRecoveryCodes(tx: Tx, userId: string, codes: readonly string[]) {
  await replaceRecoveryCodes(tx, userId, codes.map(recoveryCodeHash));
}

export function looksLikeRecoveryCode(code: string) {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}

/** Spends one recovery code: true once, false ever after (or for a code that is not theirs). */
export async function spendRecoveryCode(
  db: Db | Tx,
  userId: string,
  code: string,
  now = new Date(),
) {
  return markRecoveryCodeUsed(db, userId, recoveryCodeHash(code), now);
}
