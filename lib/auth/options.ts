import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../../db';
import { getConfig } from '../config';
import { authenticate } from './authenticate';

declare module 'next-auth' {
  interface User {
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The user's session_version when they signed in; a bump ends the session. */
    sv?: number;
    /** Sign-in time (epoch seconds): the absolute session limit counts from here. */
    authTime?: number;
  }
}

const credentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Reasons the sign-in form shows; next-auth passes the thrown message through as `error`. */
export const SIGN_IN_ERRORS = ['invalid', 'locked', 'disabled'] as const;

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
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) throw new Error('invalid');
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const result = await authenticate(getDb(), {
            ...parsed.data,
            ip: headers['x-forwarded-for']?.split(',')[0]?.trim() ?? null,
            requestId: headers['x-request-id'] ?? null,
          });
          if (!result.ok) throw new Error(result.reason);
          const { id, email, name, sessionVersion } = result.user;
          return { id, email, name, sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sv = user.sessionVersion;
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
