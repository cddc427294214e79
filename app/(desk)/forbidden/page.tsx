import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { requireUser } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export default async function ForbiddenPage() {
  const user = await requireUser();
  const t = await getT();
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('errors.forbiddenTitle')}</h1>
      <p>{t('errors.forbiddenPage', { role: t(`roles.${user.role}`) })}</p>
      <Link href="/" className={buttonClass('secondary')}>
        {t('errors.backHome')}
      </Link>
    </div>
  );
}
