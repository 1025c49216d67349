/**
 * A token bucket: `capacity` tokens, refilled at `perMs` a millisecond, spent by `cost`. Written
 * here rather than taken from a rate-limit package because the cost is a request's bytes, not one
 * request, and the clock is injected; it is twenty lines.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(private readonly capacity: number, private readonly perMs: number, now: number) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Milliseconds until `cost` tokens are there (0 when they are now); a cost above the capacity needs a full bucket. */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    if (this.tokens >= cost) return 0;
    return Math.ceil((Math.min(cost, this.capacity) - this.tokens) / this.perMs);
  }

  /** Spends `cost` tokens; call after `waitFor` answered 0. */
  take(cost: number, now: number): void {
    this.refill(now);
    this.tokens -= cost;
  }

  /** True when the bucket is full again, so forgetting it changes nothing. */
  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    if (now > this.at) this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = Math.max(this.at, now);
  }
}
