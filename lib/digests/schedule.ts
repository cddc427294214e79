import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Role } from '../../db/enums';
import { queueNotices } from '../../db/queries/alerts';
import { digestRuns } from '../../db/schema';
import { noticesFor } from '../alerts/channels';
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
  const today = algiersDate(now);
  const [done] = await db.select().from(digestRuns).where(eq(digestRuns.day, today));
  if (done) return null;
  const day = addDays(today, -1);
  // The figures are read before the claim (small rollup queries); the claim decides who sends.
  const digests = await Promise.all(
    AUDIENCES.map(async (a) => ({ ...a, digest: await a.build(db, day, now) })),
  );
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(digestRuns)
      .values({ day: today, queuedAt: now, recipients: 0 })
      .onConflictDoNothing()
      .returning();
    if (!claimed) return null;
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
    await tx.update(digestRuns).set({ recipients: queued }).where(eq(digestRuns.day, today));
    return { day, recipients: queued };
  });
}
