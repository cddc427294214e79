import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import type { CredentialsState as StoredState } from '../../db/enums';
import { readState, writeState } from '../../db/queries/app-state';
import {
  claimProbeLease,
  credentialsRow,
  ensureCredentialsRow,
  recordCredentialRefusal,
  recordCredentialsAccepted,
  recordCredentialsBlocked,
  releaseProbeLease,
  resetCredentialsStanding,
} from '../../db/queries/credentials';
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
  const [row, block] = await Promise.all([
    credentialsRow(db, fingerprint),
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

  async function refresh() {
    if (!rowExists) {
      await ensureCredentialsRow(db, fingerprint);
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
    return claimProbeLease(db, {
      fingerprint,
      holder: opts.holder,
      at,
      until: new Date(at.getTime() + probeMs),
    });
  }

  async function record(verdict: Verdict, probing: boolean) {
    const at = new Date(now());
    const key = { fingerprint, at, releaseProbe: probing };
    if (verdict.kind === 'accepted') {
      lastSuccess = verdict.at;
      // In parallel mode the key is already confirmed: no write per call.
      if (!probing && cached?.standing.state === 'ok') return;
      await recordCredentialsAccepted(db, key);
    } else if (verdict.kind === 'refused') {
      await recordCredentialRefusal(db, {
        ...key,
        refusalsBeforeStop: AUTH_FAILURES_BEFORE_STOP,
        attemptsLeft: verdict.attemptsLeft ?? null,
        message: verdict.message,
      });
    } else if (verdict.kind === 'blocked') {
      await writeState(db, IP_BLOCK_KEY, {
        until: new Date(verdict.until).toISOString(),
        since: at.toISOString(),
        message: verdict.message,
      } satisfies IpBlock);
      await recordCredentialsBlocked(db, key);
    } else if (probing) {
      await releaseProbeLease(db, fingerprint);
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
      await resetCredentialsStanding(db, fingerprint, null, new Date(now()));
      await refresh();
    },
  };
}
