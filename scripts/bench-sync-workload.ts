import type { TopupStatus } from '../db/enums';
import type { TimelineStep } from '../lib/sandbox';

// The orders `npm run bench:sync` places (fixed seed): Poisson arrivals over the window,
// PENDING 2–15 s then HANDLING 3–8 s, outcomes ~90 % FULFILLED, 5 % REFUNDED, 3 % UNKNOWN_ERROR,
// 2 % slow (FULFILLED after 1–5 min). A larger volume is the same mix arriving faster.

export const BASE_ORDERS_PER_MINUTE = 100;

export type Planned = {
  arrivalMs: number;
  timeline: TimelineStep[];
  kind: string;
  msisdn: string;
};

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function workload(orders: number, windowMs: number): Planned[] {
  const rand = mulberry32(20261127);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  const planned: Planned[] = [];
  let t = 0;
  while (planned.length < orders) {
    t += -Math.log(1 - rand()) * (windowMs / orders);
    const pending = between(2_000, 15_000);
    const handling = between(3_000, 8_000);
    const roll = rand();
    const kind =
      roll < 0.9 ? 'FULFILLED' : roll < 0.95 ? 'REFUNDED' : roll < 0.98 ? 'UNKNOWN_ERROR' : 'slow';
    const finalAt = kind === 'slow' ? between(60_000, 300_000) : pending + handling;
    const final: TopupStatus = kind === 'slow' ? 'FULFILLED' : (kind as TopupStatus);
    const timeline: TimelineStep[] = [
      { status: 'PENDING', atMs: 0 },
      { status: 'HANDLING', atMs: Math.round(pending) },
      { status: final, atMs: Math.round(finalAt) },
    ];
    const msisdn = `07${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    planned.push({ arrivalMs: Math.min(Math.round(t), windowMs), timeline, kind, msisdn });
  }
  return planned;
}
