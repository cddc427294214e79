import { ROLES } from '@/db/enums';
import { requireUser } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';

export default async function HomePage() {
  const user = await requireUser();
  const t = await getT();
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('home.title', { name: user.name })}</h1>
      <p>{t('home.roleIntro', { role: t(`roles.${user.role}`) })}</p>
      <section aria-labelledby="can-do">
        <h2 id="can-do" className="mb-2 text-lg font-medium">
          {t('home.canDo')}
        </h2>
        <p className="text-muted-fg">{t(`roleHelp.${user.role}`)}</p>
      </section>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        {ROLES.map((role) => (
          <div key={role} className="rounded-md border border-border bg-surface p-3">
            <dt className="font-medium">{t(`roles.${role}`)}</dt>
            <dd className="text-muted-fg">{t(`roleHelp.${role}`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
