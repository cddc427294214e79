import type { Metadata } from 'next';
import { listUsers } from '@/db/queries/users';
import { requireCapability } from '@/lib/auth/session';
import { isLocked, throttleStates } from '@/lib/auth/throttle';
import { getDb } from '@/lib/db';
import { getT } from '@/lib/i18n/server';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('users.title') };
}

export default async function UsersPage() {
  const me = await requireCapability('users:manage');
  const t = await getT();
  const db = getDb();
  const rows = await listUsers(db);
  const throttle = await throttleStates(
    db,
    rows.map((r) => r.email),
  );
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('users.title')}</h1>
        <p className="text-muted-fg">{t('users.intro')}</p>
      </div>
      <CreateUserForm />
      <UsersTable
        currentUserId={me.id}
        rows={rows.map(({ totpEnabledAt, ...row }) => {
          const state = throttle.get(row.email.toLowerCase()) ?? { failures: 0, lockedUntil: null };
          return {
            ...row,
            failedLoginCount: state.failures,
            locked: isLocked(state, now),
            lockedUntil: state.lockedUntil?.toISOString() ?? null,
            lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
            secondFactor: totpEnabledAt !== null,
          };
        })}
      />
    </div>
  );
}
