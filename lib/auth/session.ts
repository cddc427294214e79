import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Role } from '../../db/enums';
import { findSessionUser } from '../../db/queries/users';
import { getConfig } from '../config';
import { getDb } from '../db';
import { timed } from '../perf/server-timing';
import { type Capability, can } from './roles';
import { liveSession, touchSession } from './sessions';
import { readSessionToken, sessionCookieName } from './token';
import { secondFactorRequired } from './totp';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
};

/**
 * What must happen before the desk opens: a temporary password changed, or (finance, admin) a
 * second factor enrolled. Until then the person only reaches /setup.
 */
export type Pending = 'change_password' | 'enrol_second_factor';

export type Session = { user: SessionUser; sessionId: string; pending: Pending | null };

/**
 * The signed-in person and their server-side session (memoised per request), re-checked
 * against the database on every request: a revoked session (signed out, "sign out my other
 * sessions"), a disabled user, a changed role or a reset password (session_version bump) ends
 * it at once, and the absolute session limit holds even if the cookie keeps sliding.
 */
export async function getSession(): Promise<Session | null> {
  // Cookies first: it marks the page dynamic (never prerendered at build time) and an
  // anonymous visit needs no configuration at all.
  const jar = await cookies();
  // Once per request, pages and route handlers alike (React's cache() memoises only while a
  // page renders; a CSV download would check the session once for itself and again for its
  // language): the request's cookie store is the key.
  let session = perRequest.get(jar);
  if (!session) {
    session = timed('session', () => readSession(jar));
    perRequest.set(jar, session);
  }
  return session;
}

const perRequest = new WeakMap<object, Promise<Session | null>>();

async function readSession(jar: Awaited<ReturnType<typeof cookies>>): Promise<Session | null> {
  const cookie = jar.get(sessionCookieName())?.value;
  if (!cookie) return null;
  const config = getConfig();
  if (!config.NEXTAUTH_SECRET) return null;
  const claims = await readSessionToken(cookie, {
    secret: config.NEXTAUTH_SECRET,
    maxHours: config.SESSION_MAX_HOURS,
  });
  if (!claims) return null;
  const db = getDb();
  const [user, session] = await Promise.all([
    findSessionUser(db, claims.userId),
    liveSession(db, claims.sessionId, claims.userId),
  ]);
  if (!user || !session || user.disabled || user.sessionVersion !== claims.sessionVersion)
    return null;
  await touchSession(db, session.id, session.lastSeenAt);
  const { id, email, name, role, locale } = user;
  const pending: Pending | null = user.mustChangePassword
    ? 'change_password'
    : secondFactorRequired(role) && !user.totpEnabledAt
      ? 'enrol_second_factor'
      : null;
  return { user: { id, email, name, role, locale }, sessionId: session.id, pending };
}

/**
 * The signed-in person, for everything but /setup: someone who still has to change a temporary
 * password or enrol a second factor counts as not signed in (every action and route refuses).
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getSession();
  return session && !session.pending ? session.user : null;
}

/** For pages: the signed-in user, or a redirect to sign-in (or to /setup while pending). */
export async function requireUser(): Promise<SessionUser> {
  const session = await getSession();
  if (!session) redirect('/login?reason=session');
  if (session.pending) redirect('/setup');
  return session.user;
}

/** For pages: the signed-in user if their role has the capability, else the 403 page. */
export async function requireCapability(capability: Capability): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, capability)) redirect(`/forbidden?need=${encodeURIComponent(capability)}`);
  return user;
}
