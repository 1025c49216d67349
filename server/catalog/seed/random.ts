/** A small seeded PRNG, so the demo catalog is the same on every machine and every run. */

/** Deterministic random source with the few helpers the generators need. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Whole number in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items in random order (all of them when `k` is larger). */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** Lowercase hex digits, for ids. */
  hex(length: number): string;
}

/** Creates a random source from a text seed (mulberry32 over an FNV-1a hash of the seed). */
export function createRandom(seed: string): Random {
  let state = fnv1a(seed);
  const next = (): number => {
    // mulberry32: tiny, fast and well distributed enough for demo data.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new TypeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    sample: (items, k) => shuffle(items).slice(0, k),
    shuffle,
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 16).toString(16);
      return out;
    },
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
