/**
 * Wrong operator tokens per client address, whether typed into `/ops/login` or sent as
 * `Authorization: Bearer`: after 10 in 15 minutes the address is refused, even with the right
 * token, until the oldest ages out. Kept in memory per instance, like the sessions' key.
 */
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 10;
/** Addresses remembered at most; past it the ones with the oldest last failure go first. */
const MAX_ADDRESSES = 10_000;

export interface GuessLimiter {
  /** Seconds until this address may try a token again, or null when it may now. */
  blockedFor(ip: string): number | null;
  /** Counts a wrong token from this address. */
  fail(ip: string): void;
  /** Forgets the address's failures after the right token. */
  clear(ip: string): void;
}

export function createGuessLimiter(now: () => number): GuessLimiter {
  const failures = new Map<string, number[]>();
  const recent = (ip: string): number[] => {
    const since = now() - FAILURE_WINDOW_MS;
    const list = (failures.get(ip) ?? []).filter((t) => t > since);
    if (list.length) failures.set(ip, list);
    else failures.delete(ip);
    return list;
  };
  return {
    blockedFor(ip) {
      const list = recent(ip);
      if (list.length < MAX_FAILURES) return null;
      return Math.max(1, Math.ceil((list[list.length - MAX_FAILURES]! + FAILURE_WINDOW_MS - now()) / 1000));
    },
    fail(ip) {
      const list = [...recent(ip), now()];
      failures.delete(ip);
      // Re-inserted last: the map's order is the order of last failures, oldest first.
      failures.set(ip, list.slice(-MAX_FAILURES));
      if (failures.size > MAX_ADDRESSES) failures.delete(failures.keys().next().value!);
    },
    clear(ip) {
      failures.delete(ip);
    },
  };
}
