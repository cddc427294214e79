import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

/** The admin list. Selects display columns only: the password hash never leaves the database. */
export function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      lastLoginAt: users.lastLoginAt,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .orderBy(asc(users.email));
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];
