import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { upstreamCredentials } from '../schema';

// The key's standing row (upstream_credentials), one per key fingerprint: what every instance
// and every restart agrees on. lib/sync/credentials.ts decides when each of these runs.

const byKey = (fingerprint: string) => eq(upstreamCredentials.keyFingerprint, fingerprint);

/** A call that was holding the probe lease hands it back with what it wrote. */
const released = (releaseProbe: boolean) =>
  releaseProbe ? { probeHolder: null, probeUntil: null } : {};

/** Creates the key's row, unconfirmed, unless it exists. */
export async function ensureCredentialsRow(db: Db | Tx, fingerprint: string) {
  await db
    .insert(upstreamCredentials)
    .values({ keyFingerprint: fingerprint })
    .onConflictDoNothing();
}

/** The key's stored row, if any call has made one yet. */
export async function credentialsRow(db: Db | Tx, fingerprint: string) {
  const [row] = await db.select().from(upstreamCredentials).where(byKey(fingerprint));
  return row;
}

/**
 * Takes the deployment-wide probe lease until `until` unless the key is refused or another
 * holder's lease still runs at `at`; false when it was not taken.
 */
export async function claimProbeLease(
  db: Db | Tx,
  params: { fingerprint: string; holder: string; at: Date; until: Date },
) {
  const rows = await db
    .update(upstreamCredentials)
    .set({ probeHolder: params.holder, probeUntil: params.until })
    .where(
      and(
        byKey(params.fingerprint),
        ne(upstreamCredentials.state, 'refused'),
        or(isNull(upstreamCredentials.probeUntil), lt(upstreamCredentials.probeUntil, params.at)),
      ),
    )
    .returning({ state: upstreamCredentials.state });
  return rows.length > 0;
}

/** The upstream accepted the key: confirmed, refusals forgotten (a refused key stays refused). */
export async function recordCredentialsAccepted(
  db: Db | Tx,
  params: { fingerprint: string; at: Date; releaseProbe: boolean },
) {
  const { at } = params;
  await db
    .update(upstreamCredentials)
    .set({
      ...released(params.releaseProbe),
      state: 'ok',
      refusals: 0,
      attemptsLeft: null,
      confirmedAt: at,
      updatedAt: at,
    })
    .where(and(byKey(params.fingerprint), ne(upstreamCredentials.state, 'refused')));
}

/**
 * The upstream refused the key: counted, and refused for good once `refusalsBeforeStop` refusals
 * are stored or the upstream says at most one attempt is left.
 */
export async function recordCredentialRefusal(
  db: Db | Tx,
  params: {
    fingerprint: string;
    at: Date;
    releaseProbe: boolean;
    refusalsBeforeStop: number;
    attemptsLeft: number | null;
    message: string;
  },
) {
  const { at, attemptsLeft } = params;
  // refusalStops() (lib/oneclick/circuit.ts), evaluated on the stored count.
  const stops = sql`(${upstreamCredentials.refusals} + 1 >= ${params.refusalsBeforeStop} or ${attemptsLeft}::int <= 1)`;
  await db
    .update(upstreamCredentials)
    .set({
      ...released(params.releaseProbe),
      refusals: sql`${upstreamCredentials.refusals} + 1`,
      state: sql`case when ${stops} then 'refused'::credentials_state else 'unconfirmed'::credentials_state end`,
      attemptsLeft,
      lastError: params.message,
      refusedAt: at,
      updatedAt: at,
    })
    .where(byKey(params.fingerprint));
}

/** The upstream blocked our IP: the key is not confirmed any more (a refused key stays refused). */
export async function recordCredentialsBlocked(
  db: Db | Tx,
  params: { fingerprint: string; at: Date; releaseProbe: boolean },
) {
  await db
    .update(upstreamCredentials)
    .set({ ...released(params.releaseProbe), state: 'unconfirmed', updatedAt: params.at })
    .where(and(byKey(params.fingerprint), ne(upstreamCredentials.state, 'refused')));
}

/** A probe that learned nothing hands the lease back. */
export async function releaseProbeLease(db: Db | Tx, fingerprint: string) {
  await db.update(upstreamCredentials).set(released(true)).where(byKey(fingerprint));
}

/** An admin confirmed the key was fixed: unconfirmed again, refusals and probe lease cleared. */
export async function resetCredentialsStanding(
  db: Db | Tx,
  fingerprint: string,
  userId: string | null,
  at: Date,
) {
  return db
    .update(upstreamCredentials)
    .set({
      state: 'unconfirmed',
      refusals: 0,
      attemptsLeft: null,
      probeHolder: null,
      probeUntil: null,
      resetBy: userId,
      resetAt: at,
      updatedAt: at,
    })
    .where(byKey(fingerprint))
    .returning({ fingerprint: upstreamCredentials.keyFingerprint });
}
