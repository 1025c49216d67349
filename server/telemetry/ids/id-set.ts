/**
 * A set of document ids kept as 64-bit hashes in typed arrays (about 16 bytes an id, where a `Set`
 * of the strings takes 60–100): what lets ingestion know a day's ids without a unique index.
 * Two different ids share a hash with a chance of about n / 2^64 (n ids in the set): for a day of
 * ten million events, once in some 10^12 new events.
 */

/** Slots start here and double when 70 % full. */
const INITIAL_SLOTS = 1024;
const MAX_LOAD = 0.7;

/** Two 32-bit hashes of a string (murmur3's mixing, two seeds), written into `out`. */
function hash64(text: string, seed: number, out: Uint32Array): void {
  let h1 = seed ^ 0x9e3779b9;
  let h2 = seed ^ 0x85ebca6b;
  for (let i = 0; i < text.length; i++) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h1 ^= k;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    h2 ^= Math.imul(k, 0x7feb352d);
    h2 = (h2 << 17) | (h2 >>> 15);
    h2 = (Math.imul(h2, 0x846ca68b) + i) | 0;
  }
  out[0] = fmix(h1 ^ text.length);
  out[1] = fmix(h2 ^ Math.imul(text.length, 0x9e3779b1));
  // (0, 0) marks an empty slot.
  if (out[0] === 0 && out[1] === 0) out[1] = 1;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A random seed per process, so nobody can post ids crafted to pile up in one slot. */
const SEED = (Math.random() * 0x100000000) >>> 0;

export class IdSet {
  /** Slot i holds hash halves at 2i and 2i + 1; open addressing with linear probing. */
  private slots = new Uint32Array(INITIAL_SLOTS * 2);
  private count = 0;
  private readonly scratch = new Uint32Array(2);

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    hash64(id, SEED, this.scratch);
    return this.find(this.scratch[0]!, this.scratch[1]!) >= 0;
  }

  /** Adds an id; false when it (or an id with the same hash) was there already. */
  add(id: string): boolean {
    hash64(id, SEED, this.scratch);
    const [a, b] = [this.scratch[0]!, this.scratch[1]!];
    if (this.find(a, b) >= 0) return false;
    if ((this.count + 1) > (this.slots.length / 2) * MAX_LOAD) this.grow();
    this.place(a, b);
    this.count++;
    return true;
  }

  /** Takes an id out again (a write that failed); backward-shift deletion keeps probing correct. */
  delete(id: string): boolean {
    hash64(id, SEED, this.scratch);
    let hole = this.find(this.scratch[0]!, this.scratch[1]!);
    if (hole < 0) return false;
    const mask = this.slots.length / 2 - 1;
    let next = (hole + 1) & mask;
    while (this.slots[2 * next] !== 0 || this.slots[2 * next + 1] !== 0) {
      const home = this.slots[2 * next]! & mask;
      // Move the entry back into the hole unless its home lies (cyclically) after the hole.
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        this.slots[2 * hole] = this.slots[2 * next]!;
        this.slots[2 * hole + 1] = this.slots[2 * next + 1]!;
        hole = next;
      }
      next = (next + 1) & mask;
    }
    this.slots[2 * hole] = 0;
    this.slots[2 * hole + 1] = 0;
    this.count--;
    return true;
  }

  private find(a: number, b: number): number {
    const mask = this.slots.length / 2 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = this.slots[2 * i]!;
      const y = this.slots[2 * i + 1]!;
      if (x === 0 && y === 0) return -1;
      if (x === a && y === b) return i;
    }
  }

  private place(a: number, b: number): void {
    const mask = this.slots.length / 2 - 1;
    let i = a & mask;
    while (this.slots[2 * i] !== 0 || this.slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    this.slots[2 * i] = a;
    this.slots[2 * i + 1] = b;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.place(old[i]!, old[i + 1]!);
  }
}
