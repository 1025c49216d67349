/**
 * Consecutive failures (wrong codes, wrong passwords) with growing delays, counted twice:
 * - per (number, browser): from the 5th failure on, that browser waits 30 s, then 60 s, 120 s …
 *   up to a day. A stranger's failures lock only the stranger's browser.
 * - per number, over every browser: from the 11th failure on, the same delays hold up every browser
 *   that has not logged in to the number before. That caps guessing by many browsers, while the
 *   owner's own browsers (known devices) keep their access.
 * A login clears the number's count and that browser's. Counting per number rather than per
 * account row makes known and unknown numbers behave the same. The counts live in the shared
 * limits (the store, or Redis), so a lock set through one node holds on every node.
 */
import type { SharedLimits } from '../../cluster/shared-limits';

/** Failures a browser may make for a number before it waits. */
export const FREE_FAILURES = 4;
/** Failures all browsers together may make for a number before unknown browsers wait. */
export const FREE_NUMBER_FAILURES = 10;
/** The key of the number-wide count. */
const EVERY_BROWSER = '';
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 24 * 3600_000;

/** The delay after `failures` consecutive failures, with `free` failures before any delay. */
export function lockoutDelayMs(failures: number, free = FREE_FAILURES): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(30, failures - free - 1));
}

/** Who is trying: the number, the browser's device hash, and whether that browser logged in to the number before. */
export interface Attempt {
  mobile: string;
  device: string;
  known: boolean;
}

/** The shared-limits key of a (number, browser) pair; `EVERY_BROWSER` for the number's. */
export function lockoutKey(mobile: string, device: string): string {
  return `lockout:${mobile}:${device}`;
}

/** Seconds until this browser may try this number again, or null when it may now. */
export async function lockedFor(limits: SharedLimits, attempt: Attempt, now: number): Promise<number | null> {
  let until = await limits.lockedUntil(lockoutKey(attempt.mobile, attempt.device));
  if (!attempt.known) until = Math.max(until, await limits.lockedUntil(lockoutKey(attempt.mobile, EVERY_BROWSER)));
  return until > now ? Math.ceil((until - now) / 1000) : null;
}

async function countOne(limits: SharedLimits, key: string, free: number, now: number): Promise<void> {
  const delay = lockoutDelayMs(await limits.countFailure(key, now), free);
  if (delay > 0) await limits.lockUntil(key, now + delay);
}

/** Counts one more failure for the browser and for the number, and sets the locks they earn. */
export async function recordFailure(limits: SharedLimits, attempt: Attempt, now: number): Promise<void> {
  await countOne(limits, lockoutKey(attempt.mobile, attempt.device), FREE_FAILURES, now);
  await countOne(limits, lockoutKey(attempt.mobile, EVERY_BROWSER), FREE_NUMBER_FAILURES, now);
}

/** Clears the number's count and this browser's after a successful login (other browsers stay counted). */
export async function clearFailures(limits: SharedLimits, mobile: string, device: string): Promise<void> {
  await limits.clearFailures([lockoutKey(mobile, EVERY_BROWSER), lockoutKey(mobile, device)]);
}
