import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CredentialsState as StoredState } from '../../db/enums';
import { readState, writeState } from '../../db/queries/app-state';
import { upstreamCredentials } from '../../db/schema';
import {
  type Admission,
  AUTH_FAILURES_BEFORE_STOP,
  blockedError,
  type CallGate,
  type CredentialsState,
  rejectedError,
  Turnstile,
  type Verdict,
} from '../oneclick/circuit';

// The key's standing, kept in Postgres so that every instance and every restart agrees: two
// refusals stop all upstream calls (web and worker) until an admin confirms the key was fixed
// or the configured key changes; an IP_BLOCKED answer stops calls until the block ends. While
// the key is not confirmed, one call at a time in the whole deployment holds the probe lease,
// so however many instances start with a bad key, the upstream sees at most two refusals.

export const IP_BLOCK_KEY = 'upstream.ip_block';
export type IpBlock = { until: string; since: string; message: string };

/** Identifies the key without revealing it (shown as "key …a1b2c3"). */
export function keyFingerprint(apiKey: string) {
  return createHash('sha256').update(apiKey).digest('hex').slice(0, 16);
}

export type Standing = {
  fingerprint: string;
  state: StoredState;
  refusals: number;
  attemptsLeft: number | null;
  lastError: string | null;
  refusedAt: Date | null;
  confirmedAt: Date | null;
  blockedUntil: Date | null;
};

/** What Sync health and the banner show for this key. */
export async function readStanding(db: Db, fingerprint: string, now = new Date()) {
  const [[row], block] = await Promise.all([
    db
      .select()
      .from(upstreamCredentials)
      .where(eq(upstreamCredentials.keyFingerprint, fingerprint)),
    readState<IpBlock>(db, IP_BLOCK_KEY),
  ]);
  const until = block ? new Date(block.until) : null;
  return {
    fingerprint,
    state: row?.state ?? 'unconfirmed',
    refusals: row?.refusals ?? 0,
    attemptsLeft: row?.attemptsLeft ?? null,
    lastError: row?.lastError ?? null,
    refusedAt: row?.refusedAt ?? null,
    confirmedAt: row?.confirmedAt ?? null,
    blockedUntil: until && until > now ? until : null,
  } satisfies Standing;
}

type GateOptions = {
  db: Db;
  apiKey: string;
  /** Who holds the probe lease (worker id or process id). */
  holder: string;
  now?: () => number;
  /** How long a probe may hold the lease (the call's timeout plus a margin). */
  probeMs?: number;
  /** How stale the cached standing may be while calls run in parallel. */
  cacheMs?: number;
  pollMs?: number;
};

export function createCredentialsGate(opts: GateOptions): CallGate & {
  fingerprint: string;
  refresh(): Promise<Standing>;
} {
  const { db } = opts;
  const now = opts.now ?? Date.now;
  const fingerprint = keyFingerprint(opts.apiKey);
  const probeMs = opts.probeMs ?? 30_000;
  const cacheMs = opts.cacheMs ?? 1_000;
  const pollMs = opts.pollMs ?? 100;
  const local = new Turnstile();
  let cached: { standing: Standing; at: number } | null = null;
  let rowExists = false;
  let lastSuccess: number | null = null;
  const where = eq(upstreamCredentials.keyFingerprint, fingerprint);

  async function refresh() {
    if (!rowExists) {
      await db
        .insert(upstreamCredentials)
        .values({ keyFingerprint: fingerprint })
        .onConflictDoNothing();
      rowExists = true;
    }
    const standing = await readStanding(db, fingerprint, new Date(now()));
    cached = { standing, at: now() };
    return standing;
  }

  async function current() {
    if (cached && now() - cached.at < cacheMs) return cached.standing;
    return refresh();
  }

  function stop(standing: Standing) {
    if (standing.blockedUntil && standing.blockedUntil.getTime() > now())
      throw blockedError(standing.blockedUntil.getTime());
    if (standing.state === 'refused') throw rejectedError();
  }

  /** Takes the deployment-wide probe lease; false when another call holds it. */
  async function claimProbe() {
    const at = new Date(now());
    const rows = await db
      .update(upstreamCredentials)
      .set({ probeHolder: opts.holder, probeUntil: new Date(at.getTime() + probeMs) })
      .where(
        and(
          where,
          ne(upstreamCredentials.state, 'refused'),
          or(isNull(upstreamCredentials.probeUntil), lt(upstreamCredentials.probeUntil, at)),
        ),
      )
      .returning({ state: upstreamCredentials.state });
    return rows.length > 0;
  }

  async function record(verdict: Verdict, probing: boolean) {
    const at = new Date(now());
    const release = probing ? { probeHolder: null, probeUntil: null } : {};
    if (verdict.kind === 'accepted') {
      lastSuccess = verdict.at;
      // In parallel mode the key is already confirmed: no write per call.
      if (!probing && cached?.standing.state === 'ok') return;
      await db
        .update(upstreamCredentials)
        .set({
          ...release,
          state: 'ok',
          refusals: 0,
          attemptsLeft: null,
          confirmedAt: at,
          updatedAt: at,
        })
        .where(and(where, ne(upstreamCredentials.state, 'refused')));
    } else if (verdict.kind === 'refused') {
      // refusalStops() (lib/oneclick/circuit.ts), evaluated on the stored count.
      const stops = sql`(${upstreamCredentials.refusals} + 1 >= ${AUTH_FAILURES_BEFORE_STOP} or ${verdict.attemptsLeft ?? null}::int <= 1)`;
      await db
        .update(upstreamCredentials)
        .set({
          ...release,
          refusals: sql`${upstreamCredentials.refusals} + 1`,
          state: sql`case when ${stops} then 'refused'::credentials_state else 'unconfirmed'::credentials_state end`,
          attemptsLeft: verdict.attemptsLeft ?? null,
          lastError: verdict.message,
          refusedAt: at,
          updatedAt: at,
        })
        .where(where);
    } else if (verdict.kind === 'blocked') {
      await writeState(db, IP_BLOCK_KEY, {
        until: new Date(verdict.until).toISOString(),
        since: at.toISOString(),
        message: verdict.message,
      } satisfies IpBlock);
      await db
        .update(upstreamCredentials)
        .set({ ...release, state: 'unconfirmed', updatedAt: at })
        .where(and(where, ne(upstreamCredentials.state, 'refused')));
    } else if (probing) {
      await db.update(upstreamCredentials).set(release).where(where);
    }
    // What this call learned applies at once to this process's next call.
    if (verdict.kind !== 'neutral') await refresh();
  }

  return {
    fingerprint,
    refresh,
    async admit(): Promise<Admission> {
      stop(await current());
      if (cached?.standing.state === 'ok') return { release: (v) => record(v, false) };
      // Not confirmed: one call in this process, then one in the deployment.
      const leave = await local.enter();
      try {
        for (;;) {
          const standing = await refresh();
          stop(standing);
          if (standing.state === 'ok') {
            leave();
            return { release: (v) => record(v, false) };
          }
          if (await claimProbe()) break;
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      } catch (error) {
        leave();
        throw error;
      }
      return {
        release: async (v) => {
          try {
            await record(v, true);
          } finally {
            leave();
          }
        },
      };
    },
    state(): CredentialsState {
      const s = cached?.standing;
      return {
        credentialsRejected: s?.state === 'refused',
        consecutiveAuthFailures: s?.refusals ?? 0,
        lastSuccessAt: lastSuccess,
        blockedUntil:
          s?.blockedUntil && s.blockedUntil.getTime() > now() ? s.blockedUntil.getTime() : null,
      };
    },
    async reset() {
      await resetStanding(db, fingerprint, null, new Date(now()));
      await refresh();
    },
  };
}

/** An admin confirmed the key was fixed: calls may try again (one probe first). */
export async function resetStanding(
  db: Pick<Db, 'update'>,
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
    .where(eq(upstreamCredentials.keyFingerprint, fingerprint))
    .returning({ fingerprint: upstreamCredentials.keyFingerprint });
}
