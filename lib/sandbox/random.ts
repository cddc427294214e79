export type Random = () => number;

/** mulberry32: a tiny seeded PRNG, so a sandbox run (faults, traffic) can be replayed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: Random, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function hex(random: Random, length: number) {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/**
 * A 24-hex id shaped like the upstream's Mongo ObjectIds: the creation second, 10 random hex
 * digits and a counter (which also orders ties within a millisecond, see state.ts).
 */
export function objectId(random: Random, atMs: number, counter: number) {
  const seconds = Math.floor(atMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${hex(random, 10)}${(counter % 0xffffff).toString(16).padStart(6, '0')}`;
}

/** One of `entries`, each as likely as its weight. */
export function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random() * total;
  for (const [item, w] of entries) {
    roll -= w;
    if (roll < 0) return item;
  }
  const last = entries[entries.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}
