import type { Db } from '../../db/client';
import type { Role } from '../../db/enums';
import { queueNotices } from '../../db/queries/alerts';
import { claimDigestRun, digestsQueued, recordDigestRecipients } from '../../db/queries/digests';
import { loadChannels, noticesFor } from '../alerts/channels';
import { addDays, algiersDate, hourOfDay } from '../time/algiers';
import { type Digest, financeDigest, managerDigest } from './content';
import { renderDigest } from './render';

// The morning digests: from 08:00 Algeria time, once per desk day whatever the number of
// instances (the day's digest_runs row is claimed in the transaction that queues them),
// managers get yesterday's fulfilment and backlog, finance its refunds and reconciliation,
// each by email in their own language. A desk that was down at 08:00 sends them when it starts.

export const DIGEST_HOUR = 8;

const AUDIENCES: { role: Role; build: (db: Db, day: string, now: Date) => Promise<Digest> }[] = [
  { role: 'manager', build: managerDigest },
  { role: 'finance', build: financeDigest },
];

export type DigestDeps = { db: Db; now: Date; smtpConfigured: boolean; deskUrl: string | null };

/** Queues today's digests when it is time and nobody has; how many emails, or null. */
export async function queueDigests({ db, now, smtpConfigured, deskUrl }: DigestDeps) {
  if (!smtpConfigured || hourOfDay(now) < DIGEST_HOUR) return null;
  // The admin's email switch (Alert settings) covers digests too.
  if (!(await loadChannels(db, smtpConfigured)).email) return null;
  const today = algiersDate(now);
  if (await digestsQueued(db, today)) return null;
  const day = addDays(today, -1);
  // The figures are read before the claim (small rollup queries); the claim decides who sends.
  const digests = await Promise.all(
    AUDIENCES.map(async (a) => ({ ...a, digest: await a.build(db, day, now) })),
  );
  return db.transaction(async (tx) => {
    if (!(await claimDigestRun(tx, today, now))) return null;
    const rows = [];
    for (const { role, digest } of digests)
      rows.push(
        ...(await noticesFor(
          tx,
          { email: { roles: [role] }, webhook: null },
          {
            dedupeKey: `digest:${today}:${role}`,
            kind: 'digest',
            alertId: null,
            at: now,
            roles: [role],
            render: (locale) => renderDigest(digest, locale, deskUrl),
            payload: () => ({ event: `digest.${role}`, day }),
          },
        )),
      );
    const queued = await queueNotices(tx, rows);
    await recordDigestRecipients(tx, today, queued);
    return { day, recipients: queued };
  });
}
