import type { Metadata } from 'next';
import { can } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { FinanceLanding } from '../landing/finance';
import { ManagerLanding } from '../landing/manager';
import { SupportLanding } from '../landing/support';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())('nav.home') };
}

/** Each role lands on what it opens first thing in the morning. */
export default async function HomePage() {
  const user = await requireUser();
  const t = await getT();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('home.title', { name: user.name })}</h1>
      {can(user.role, 'reports:read') ? (
        <ManagerLanding />
      ) : can(user.role, 'refunds:create') ? (
        <FinanceLanding />
      ) : (
        <SupportLanding />
      )}
    </div>
  );
}
