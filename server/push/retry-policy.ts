/**
 * When to try a push again. 429 and 5xx are the push service asking us to slow down: wait what its
 * `Retry-After` says (seconds or an HTTP date), else back off exponentially with full jitter; past
 * the longest wait we are willing to hold a send slot, give up and say so.
 */

export const MAX_ATTEMPTS = 4;
/** The longest wait for one retry; a push service asking for more is answered "throttled". */
export const MAX_RETRY_DELAY_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/** Milliseconds a `Retry-After` value asks for, or null when it says nothing usable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  // An HTTP date ends in GMT; anything else (a negative number, a word) says nothing.
  if (!/ GMT$/.test(value.trim())) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Whether a status is worth another attempt. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or null to give up: out of
 * attempts, or the push service wants a longer wait than MAX_RETRY_DELAY_MS.
 */
export function retryDelayMs(attempt: number, retryAfter: number | null, random: () => number = Math.random): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  if (retryAfter !== null) return retryAfter <= MAX_RETRY_DELAY_MS ? retryAfter : null;
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
