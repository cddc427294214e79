import type { Db } from '../../db/client';
import { timeToFinalQuantiles } from '../../db/queries/sync-due';
import { DEFAULT_TTF_CHECKPOINTS_MS, MIN_CHECK_SPACING_MS } from './schedule';

// The per-order check schedule follows how long orders really take: the time-to-final
// quantiles of recently settled orders (our own finalized_at, since the upstream has no
// updated_at). Few samples → the documented defaults.

const QUANTILES = [0.5, 0.75, 0.9, 0.95, 0.99];
const MIN_SAMPLES = 30;

export async function learnCheckpoints(db: Db, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - 24 * 3600_000);
  const row = await timeToFinalQuantiles(db, { since, quantiles: QUANTILES });
  if (!row?.q || row.n < MIN_SAMPLES) return [...DEFAULT_TTF_CHECKPOINTS_MS];
  // Checkpoints strictly increasing and at least the minimum spacing apart.
  const out: number[] = [];
  for (const ms of row.q.map(Math.round)) {
    const prev = out.at(-1);
    out.push(
      prev === undefined
        ? Math.max(ms, MIN_CHECK_SPACING_MS)
        : Math.max(ms, prev + MIN_CHECK_SPACING_MS),
    );
  }
  return out;
}
