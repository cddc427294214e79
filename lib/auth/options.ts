import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '../config';
import { getDb } from '../db';
import { clientIp } from '../net/client-ip';
import { authenticate } from './authenticate';
import { revokeSession, startSession } from './sessions';

declare module 'next-auth' {
  interface User {
    sessionVersion: number;
    /** The server-side session row this sign-in opened. */
    sid: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user's session_version when they signed in; a bump ends the session. */
    sv?: number;
    /** Sign-in time (epoch seconds): the absolute session limit counts from here. */
    authTime?: number;
    /** The server-side session (user_sessions.id): signing out revokes it. */
    sid?: string;
  }
}

const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
  code: z.string().trim().max(32).optional(),
});

/** Reasons the sign-in form shows; next-auth passes the thrown message through as `error`. */
export const SIGN_IN_ERRORS = [
  'invalid',
  'locked',
  'disabled',
  'second_factor',
  'invalid_code',
] as const;

export function authOptions(): NextAuthOptions {
  const config = getConfig();
  const idleSeconds = config.SESSION_IDLE_MINUTES * 60;
  return {
    secret: config.NEXTAUTH_SECRET,
    // JWT sessions expire after the idle timeout; proxy.ts slides the expiry on activity.
    session: { strategy: 'jwt', maxAge: idleSeconds, updateAge: 60 },
    jwt: { maxAge: idleSeconds },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { type: 'email' },
          password: { type: 'password' },
          code: { type: 'text' },
        },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) throw new Error('invalid');
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ip = clientIp(headers);
          const db = getDb();
          const result = await authenticate(
            db,
            { ...parsed.data, ip, requestId: headers['x-request-id'] ?? null },
            { serverSecret: config.NEXTAUTH_SECRET },
          );
          if (!result.ok) throw new Error(result.reason);
          const { id, email, name, sessionVersion, secondFactor } = result.user;
          const sid = await startSession(db, {
            userId: id,
            secondFactor,
            ip,
            userAgent: headers['user-agent'] ?? null,
          });
          return { id, email, name, sessionVersion, sid };
        },
      }),
    ],
    events: {
      // Signing out ends the session on the server too: a copied cookie stops working at once.
      async signOut({ token }) {
        if (token?.sid) await revokeSession(getDb(), token.sid, 'signed_out');
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sv = user.sessionVersion;
          token.sid = user.sid;
          token.authTime = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        // Only identity goes to the browser; role and rights are re-read from the database.
        if (session.user) session.user = { name: session.user.name, email: session.user.email };
        return { ...session, userId: token.sub };
      },
    },
  };
}
