import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listUsers } from '@/db/queries/users';
import { requireCapability } from '@/lib/auth/session';
import { isLocked } from '@/lib/auth/throttle';
import { getT } from '@/lib/i18n/server';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('users.title') };
}

export default async function UsersPage() {
  const me = await requireCapability('users:manage');
  const t = await getT();
  const rows = await listUsers(getDb());
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
        rows={rows.map((row) => ({
          ...row,
          locked: isLocked(row, now),
          lockedUntil: row.lockedUntil?.toISOString() ?? null,
          lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
        }))}
      />
    </div>
  );
}
