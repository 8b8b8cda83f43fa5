/** Small seeded randomness for the synthetic population: same seed and account number → same account. */
export type Random = () => number;

/** mulberry32: a fast 32-bit PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generator per (seed, account number), so an account does not depend on the batch it falls in. */
export function randomFor(seed: number, n: number): Random {
  let h = (seed ^ Math.imul(n, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Exponential wait with the given mean. */
export const wait = (random: Random, mean: number) => -Math.log(1 - random()) * mean;

const word = (random: Random) => Math.floor(random() * 0x100000000).toString(16).padStart(8, "0");

export const hex = (random: Random, words: number) => Array.from({ length: words }, () => word(random)).join("");

/** A version-4-shaped UUID drawn from the generator (ids must exist before the rows, for the events). */
export function uuidFrom(random: Random) {
  const h = hex(random, 4);
  const variant = "89ab"[Math.floor(random() * 4)];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Draws keys with probability proportional to their weights. */
export function weightedPicker(weights: Record<string, number>) {
  const keys = Object.keys(weights);
  const total = keys.reduce((sum, key) => sum + weights[key]!, 0);
  let running = 0;
  const bounds = keys.map((key) => (running += weights[key]! / total));
  return (random: Random) => {
    const x = random();
    const i = bounds.findIndex((bound) => x < bound);
    return keys[i === -1 ? keys.length - 1 : i]!;
  };
}
