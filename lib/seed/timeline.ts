import { HOUR_MS, hourOfDay } from '../time/algiers';
import { GROWTH_FACTOR, HOURLY_WEIGHTS } from './mix';

/**
 * The cumulative share of orders by hour over the window ending at `now`: element i is the
 * share created before `now - (hours - i) h`, from 0 to exactly 1. Postgres maps each row's
 * position in [0, 1) through it (width_bucket), so row n is created at the matching quantile:
 * the rows come out in time order with the daily rhythm and the growth built in.
 * (Float maths here is time, not money.)
 */
export function hourlyCdf(now: Date, days: number): number[] {
  const hours = days * 24;
  const start = now.getTime() - hours * HOUR_MS;
  const weights: number[] = [];
  for (let i = 0; i < hours; i++) {
    const midpoint = start + (i + 0.5) * HOUR_MS;
    const growth = 1 + (GROWTH_FACTOR - 1) * ((i + 0.5) / hours);
    weights.push((HOURLY_WEIGHTS[hourOfDay(new Date(midpoint))] ?? 1) * growth);
  }
  return cumulative(weights);
}

/** Cumulative weights of a weighted list, ending at exactly 1 (for width_bucket). */
export function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const out = [0];
  let running = 0;
  for (const w of weights) {
    running += w;
    out.push(running / total);
  }
  out[weights.length] = 1;
  return out;
}
