/**
 * Rate limits, byte budgets and lockouts that hold across every node: one interface, kept in the
 * store by default (`store-limits.ts`) or in Redis when REDIS_URL is set (`redis-limits.ts`).
 * Each operation is atomic where it stands, so nodes racing on one key never both get through.
 */

/** At most `max` events per `windowMs`, counted over a sliding window. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** A token bucket: `capacity` tokens, refilled at `perMs` a millisecond. */
export interface BucketLimit {
  key: string;
  capacity: number;
  perMs: number;
}

export interface SharedLimits {
  /** `store` or `redis`: where the counts live. */
  readonly kind: 'store' | 'redis';
  /** Records one event under `key` unless `limit.max` are within the window already; null when recorded, otherwise ms until one ages out. */
  take(key: string, limit: WindowLimit, now: number): Promise<number | null>;
  /** Ms until `key` has fewer than `limit.max` events in the window, or null when it has now (records nothing). */
  blockedFor(key: string, limit: WindowLimit, now: number): Promise<number | null>;
  /** Records one event under `key` whatever the count (keeping at most `limit.max` of them). */
  record(key: string, limit: WindowLimit, now: number): Promise<void>;
  /** Forgets every event under `key`. */
  forget(key: string): Promise<void>;
  /**
   * Spends `cost` from every bucket at once, or from none: the answer is each bucket's wait in ms
   * (all 0 when spent). A cost above a bucket's capacity needs that bucket full.
   */
  spend(buckets: BucketLimit[], cost: number, now: number): Promise<number[]>;
  /** Counts one more consecutive failure under `key`; answers the count. */
  countFailure(key: string, now: number): Promise<number>;
  /** Locks `key` until `until` (ms since the epoch). */
  lockUntil(key: string, until: number): Promise<void>;
  /** When `key`'s lock ends (0 when it has none). */
  lockedUntil(key: string): Promise<number>;
  /** Forgets the failures and locks of `keys`. */
  clearFailures(keys: string[]): Promise<void>;
  /** Throws when the place the limits live cannot be reached (for `/readyz`). */
  ping(): Promise<void>;
  /** Forgets what is past every window (a day and more old); called now and then. */
  prune(now: number): Promise<void>;
  close(): Promise<void>;
}

/** How long failures are remembered with no new one: longer than the longest lockout (a day). */
export const FAILURE_MEMORY_MS = 7 * 24 * 3600_000;
/** Events older than this are past every window the shop uses. */
export const LONGEST_WINDOW_MS = 24 * 3600_000;

/** The wait of a bucket holding `tokens` for `cost`: 0 when it has them, else the ms until it will (a cost above the capacity needs it full). */
export function bucketWait(bucket: BucketLimit, tokens: number, cost: number): number {
  return tokens >= cost ? 0 : Math.ceil((Math.min(cost, bucket.capacity) - tokens) / bucket.perMs);
}

/** What is left of a bucket that held `tokens` at `at`, refilled up to `now`. */
export function refilled(bucket: BucketLimit, tokens: number, at: number, now: number): number {
  return now > at ? Math.min(bucket.capacity, tokens + (now - at) * bucket.perMs) : tokens;
}
