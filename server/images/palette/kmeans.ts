/**
 * Quantizes colours to a few representatives with k-means in CIELAB, where distance follows what
 * the eye sees. Pixels are first binned (5 bits per channel) so a photo becomes a few hundred
 * weighted points; the start is k-means++ with a fixed seed, so the same photo gives the same palette.
 */
import { deltaE76, type Lab } from './colour-space';

/** One colour of a palette and the share of the pixels it stands for (0..1). */
export interface PaletteEntry {
  lab: Lab;
  share: number;
}

interface Point {
  lab: Lab;
  weight: number;
}

const ITERATIONS = 24;

/** Sums pixels with the same 15-bit colour into one weighted point at their mean colour. */
export function binPixels(pixels: readonly number[], lab: readonly Lab[], rgba: Uint8Array): Point[] {
  const bins = new Map<number, { l: number; a: number; b: number; n: number }>();
  for (const i of pixels) {
    const key = ((rgba[i * 4]! >> 3) << 10) | ((rgba[i * 4 + 1]! >> 3) << 5) | (rgba[i * 4 + 2]! >> 3);
    const bin = bins.get(key) ?? { l: 0, a: 0, b: 0, n: 0 };
    const c = lab[i]!;
    bin.l += c.l;
    bin.a += c.a;
    bin.b += c.b;
    bin.n += 1;
    bins.set(key, bin);
  }
  return [...bins.values()].map((bin) => ({ lab: { l: bin.l / bin.n, a: bin.a / bin.n, b: bin.b / bin.n }, weight: bin.n }));
}

/** A small deterministic PRNG (mulberry32), so k-means++ picks the same start every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nearest(lab: Lab, centres: readonly Lab[]): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < centres.length; c++) {
    const d = deltaE76(lab, centres[c]!);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** k-means++: each next centre is drawn with probability ∝ weight × distance² to the chosen ones. */
function initialCentres(points: readonly Point[], k: number, random: () => number): Lab[] {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  let pick = random() * total;
  let first = points[0]!;
  for (const p of points) if ((pick -= p.weight) <= 0) { first = p; break; }
  const centres = [first.lab];
  const distance = points.map((p) => deltaE76(p.lab, first.lab) ** 2);
  while (centres.length < k) {
    const sum = points.reduce((s, p, n) => s + p.weight * distance[n]!, 0);
    if (sum === 0) break;
    let target = random() * sum;
    let chosen = points.length - 1;
    for (let n = 0; n < points.length; n++) if ((target -= points[n]!.weight * distance[n]!) <= 0) { chosen = n; break; }
    const lab = points[chosen]!.lab;
    centres.push(lab);
    for (let n = 0; n < points.length; n++) distance[n] = Math.min(distance[n]!, deltaE76(points[n]!.lab, lab) ** 2);
  }
  return centres;
}

/** The `k` (or fewer, for images with fewer colours) representative colours, most common first. */
export function kMeans(points: readonly Point[], k: number): PaletteEntry[] {
  if (points.length === 0) return [];
  const random = seeded(0x5eed);
  let centres = initialCentres(points, Math.min(k, points.length), random);
  const owner = new Int32Array(points.length).fill(-1);
  for (let round = 0; round < ITERATIONS; round++) {
    let moved = false;
    for (let n = 0; n < points.length; n++) {
      const c = nearest(points[n]!.lab, centres);
      if (c !== owner[n]) [owner[n], moved] = [c, true];
    }
    if (!moved) break;
    const sums = centres.map(() => ({ l: 0, a: 0, b: 0, w: 0 }));
    points.forEach((p, n) => {
      const s = sums[owner[n]!]!;
      s.l += p.lab.l * p.weight;
      s.a += p.lab.a * p.weight;
      s.b += p.lab.b * p.weight;
      s.w += p.weight;
    });
    // A centre that lost all its points keeps its place; it simply ends with a share of 0.
    centres = centres.map((old, c) => (sums[c]!.w > 0 ? { l: sums[c]!.l / sums[c]!.w, a: sums[c]!.a / sums[c]!.w, b: sums[c]!.b / sums[c]!.w } : old));
  }
  const weights = centres.map(() => 0);
  points.forEach((p, n) => (weights[owner[n]!]! += p.weight));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return centres
    .map((lab, c) => ({ lab, share: weights[c]! / total }))
    .filter((entry) => entry.share > 0)
    .sort((x, y) => y.share - x.share);
}
