import { decode, encode, type JWT } from 'next-auth/jwt';
import { getConfig } from '../config';

// The session cookie, read and re-issued the same way by proxy.ts and by server code.

export function sessionCookieName(): string {
  return getConfig().NEXTAUTH_URL?.startsWith('https://')
    ? '__Secure-next-auth.session-token'
    : 'next-auth.session-token';
}

export type SessionClaims = {
  userId: string;
  /** The server-side session row (lib/auth/sessions.ts): revoked there, dead here. */
  sessionId: string;
  sessionVersion: number;
  authTime: number;
  iat: number;
};

/**
 * Decodes the cookie and applies both time limits: the idle limit is the JWT's own expiry;
 * the absolute limit counts from sign-in, however often the cookie was refreshed.
 */
export async function readSessionToken(
  value: string | undefined,
  opts: { secret: string; maxHours: number; now?: number },
): Promise<SessionClaims | null> {
  if (!value) return null;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret: opts.secret });
  } catch {
    return null;
  }
  if (
    !token?.sub ||
    typeof token.sid !== 'string' ||
    typeof token.sv !== 'number' ||
    typeof token.authTime !== 'number'
  )
    return null;
  const now = (opts.now ?? Date.now()) / 1000;
  if (now - token.authTime > opts.maxHours * 3600) return null;
  return {
    userId: token.sub,
    sessionId: token.sid,
    sessionVersion: token.sv,
    authTime: token.authTime,
    iat: typeof token.iat === 'number' ? token.iat : 0,
  };
}

/** Re-encodes the same claims with a fresh idle expiry (a sliding session). */
export async function refreshSessionToken(
  value: string,
  opts: { secret: string; idleMinutes: number },
): Promise<string | null> {
  const token = await decode({ token: value, secret: opts.secret }).catch(() => null);
  if (!token) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret: opts.secret, maxAge: opts.idleMinutes * 60 });
}
