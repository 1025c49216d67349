/**
 * Analytics results cached for 30 s, as in Foxtrot: the key holds the request and the 30-second
 * bucket of the clock, so every open console asking the same thing in a bucket costs one query.
 */
export const CACHE_MS = 30_000;
const MAX_ENTRIES = 1000;

export class ResultCache<V> {
  private readonly entries = new Map<string, { expires: number; value: V }>();

  constructor(private readonly now: () => number, private readonly ttlMs = CACHE_MS) {}

  /** The cache key of `request` at the current time bucket. */
  key(request: unknown): string {
    return `${Math.floor(this.now() / this.ttlMs)}:${JSON.stringify(request)}`;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { expires: this.now() + this.ttlMs, value });
  }
}
