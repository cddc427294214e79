import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { getT } from '@/lib/i18n/server';

export default async function NotFound() {
  const t = await getT();
  return (
    <main id="main" className="mx-auto max-w-xl space-y-4 p-8">
      <h1 className="text-2xl font-semibold">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFound')}</p>
      <Link href="/" className={buttonClass('secondary')}>
        {t('errors.backHome')}
      </Link>
    </main>
  );
}
