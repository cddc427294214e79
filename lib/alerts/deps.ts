import { getConfig } from '../config';
import { keyFingerprint } from '../sync/credentials';
import { type Mailer, smtpMailer } from './send';

/** What the background jobs need to watch and to tell: this process's configuration. */
export type AlertsConfig = {
  mailer: Mailer | null;
  from: string;
  /** The desk's address for links in messages (NEXTAUTH_URL), when configured. */
  deskUrl: string | null;
  keyFingerprint: string | null;
};

export function alertsConfig(): AlertsConfig {
  const config = getConfig();
  return {
    mailer: config.SMTP_URL ? smtpMailer(config.SMTP_URL) : null,
    from: config.ALERT_EMAIL_FROM,
    deskUrl: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    keyFingerprint: config.ONECLICK_API_KEY ? keyFingerprint(config.ONECLICK_API_KEY) : null,
  };
}
