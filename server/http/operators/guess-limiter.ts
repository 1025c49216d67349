/**
 * Wrong operator tokens per client address (an IPv6 /64), whether typed into `/ops/login` or sent
 * as `Authorization: Bearer`: after 10 in 15 minutes the address is refused, even with the right
 * token, until the oldest ages out. Counted in the shared limits, so every node refuses it.
 */
import type { SharedLimits } from '../../cluster/shared-limits';
import { addressKey } from '../client-address';

export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 10;
const LIMIT = { max: MAX_FAILURES, windowMs: FAILURE_WINDOW_MS };

export interface GuessLimiter {
  /** Seconds until this address may try a token again, or null when it may now. */
  blockedFor(ip: string): Promise<number | null>;
  /** Counts a wrong token from this address. */
  fail(ip: string): Promise<void>;
  /** Forgets the address's failures after the right token. */
  clear(ip: string): Promise<void>;
}

/** The limiter over `limits`, on the clock `now`. */
export function createGuessLimiter(limits: SharedLimits, now: () => number): GuessLimiter {
  const key = (ip: string) => `ops-token:${addressKey(ip)}`;
  return {
    async blockedFor(ip) {
      const wait = await limits.blockedFor(key(ip), LIMIT, now());
      return wait === null ? null : Math.max(1, Math.ceil(wait / 1000));
    },
    async fail(ip) {
      await limits.record(key(ip), LIMIT, now());
    },
    async clear(ip) {
      await limits.forget(key(ip));
    },
  };
}
