/** The one error every app sees from the shop API, and the words to show for any failure. */

/** What a shopper reads when a request never reached the shop. */
export const OFFLINE_MESSAGE = 'You seem to be offline. Check your connection and try again.';

/** An API answer that was not 2xx, or a request that never got an answer (status 0). */
export class ApiError extends Error {
  readonly status: number;
  /** The server's stable code (`otp-invalid`, `price-changed`…), `offline` or `http-error`. */
  readonly code: string;
  /** The answer's `error.details` (attempts left, bad fields, changed lines), or null. */
  readonly details: unknown;
  /** Seconds to wait before trying again, from `Retry-After` or `details.retryAfterSec`, or null. */
  readonly retryAfterSec: number | null;

  constructor(status: number, code: string, message: string, details: unknown = null, retryAfterSec: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSec = retryAfterSec;
  }

  /** True when the network, not the server, failed (offline, timeout). */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** The message to show for any failure: the server's own words, or a generic one. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

/** The error's code, or "" for failures that are not API answers. */
export function codeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : '';
}
