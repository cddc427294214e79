import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../../db';
import type { Role } from '../../db/enums';
import { users } from '../../db/schema';
import { getConfig } from '../config';
import { type Capability, can } from './roles';
import { readSessionToken, sessionCookieName } from './token';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string | null;
};

/**
 * The signed-in person (memoised per request), re-checked against the database on every request: a disabled user,
 * a changed role or a reset password (session_version bump) ends the session at once, and the
 * absolute session limit holds even if the cookie keeps sliding.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Cookies first: it marks the page dynamic (never prerendered at build time) and an
  // anonymous visit needs no configuration at all.
  const cookie = (await cookies()).get(sessionCookieName())?.value;
  if (!cookie) return null;
  const config = getConfig();
  if (!config.NEXTAUTH_SECRET) return null;
  const claims = await readSessionToken(cookie, {
    secret: config.NEXTAUTH_SECRET,
    maxHours: config.SESSION_MAX_HOURS,
  });
  if (!claims) return null;
  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      locale: users.locale,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, claims.userId));
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion) return null;
  const { id, email, name, role, locale } = user;
  return { id, email, name, role, locale };
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login?reason=session');
  return user;
}

/** For pages: the signed-in user if their role has the capability, else the 403 page. */
export async function requireCapability(capability: Capability): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, capability)) redirect(`/forbidden?need=${encodeURIComponent(capability)}`);
  return user;
}
