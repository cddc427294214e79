import { openSessionsOf } from '@/db/queries/sessions';
import { secondFactorStatus } from '@/lib/auth/account';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session';
import { secondFactorRequired } from '@/lib/auth/totp';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { RegenerateRecoveryCodes, SignOutOthers } from './account-controls';
import { PasswordForm } from './password-form';
import { SecondFactorEnrolment } from './second-factor-enrolment';

/** My preferences → Security: password, second factor, other sessions. */
export async function SecuritySection({
  user,
  sessionId,
}: {
  user: SessionUser;
  sessionId: string;
}) {
  const [t, locale, db] = [await getT(), await getLocale(), getDb()];
  const since = new Date(Date.now() - getConfig().SESSION_MAX_HOURS * 3_600_000);
  const [factor, sessions] = await Promise.all([
    secondFactorStatus(db, user.id),
    openSessionsOf(db, user.id, since),
  ]);
  const others = sessions.filter((s) => s.id !== sessionId);
  return (
    <section aria-labelledby="security" className="space-y-6" data-testid="security-settings">
      <h2 id="security" className="text-xl font-semibold">
        {t('security.title')}
      </h2>
      <div className="space-y-2">
        <h3 className="font-medium">{t('security.password.title')}</h3>
        <PasswordForm minLength={MIN_PASSWORD_LENGTH} />
      </div>
      <div className="space-y-2" data-testid="second-factor">
        <h3 className="font-medium">{t('security.totp.title')}</h3>
        <p>
          {factor.enabledAt
            ? t('security.totp.on', {
                time: formatDateTime(factor.enabledAt, locale),
                count: factor.recoveryCodesLeft,
              })
            : t('security.totp.off')}{' '}
          {secondFactorRequired(user.role) ? t('security.totp.required') : null}
        </p>
        {factor.enabledAt ? <RegenerateRecoveryCodes /> : <SecondFactorEnrolment />}
      </div>
      <div className="space-y-2" data-testid="sessions">
        <h3 className="font-medium">{t('security.sessions.title')}</h3>
        <ul className="space-y-1 text-sm">
          {sessions.map((s) => (
            <li key={s.id}>
              <strong>
                {s.id === sessionId ? t('security.sessions.current') : (s.userAgent ?? '—')}
              </strong>{' '}
              · {s.ip ?? '—'} ·{' '}
              {t('security.sessions.since', { time: formatDateTime(s.createdAt, locale) })} ·{' '}
              {t('security.sessions.lastSeen', { time: formatDateTime(s.lastSeenAt, locale) })}
            </li>
          ))}
        </ul>
        <SignOutOthers others={others.length} />
      </div>
    </section>
  );
}
