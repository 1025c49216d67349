/**
 * Requests to `/api/auth` and `/api/account`. Like the kit's `apiRequest`, but the error keeps what
 * these flows need from the answer: `details` (attempts left, bad fields) and `Retry-After`.
 */
import { ApiError, type Account, type Address } from '@storefront/kit';

export type { Account, Address };

/** The answer of every request that texts a code. */
export interface OtpSent {
  otpSent: true;
  resendAfterSec: number;
  expiresInSec: number;
  mobileMasked: string;
}

export type LoginAnswer =
  | { status: 'signed-up' | 'logged-in'; account: Account }
  | { status: 'password-required'; expiresInSec: number };

/** An API error with the answer's details and its `Retry-After`, in seconds. */
export class AccountApiError extends ApiError {
  readonly details: unknown;
  readonly retryAfterSec: number | null;

  constructor(status: number, code: string, message: string, details: unknown, retryAfterSec: number | null) {
    super(status, code, message);
    this.details = details;
    this.retryAfterSec = retryAfterSec;
  }
}

const OFFLINE = 'You seem to be offline. Check your connection and try again.';

/** Calls `/api/<path>` (same-origin, so the browser proves it with `Sec-Fetch-Site`) and returns its JSON. */
export async function accountRequest<T>(path: string, options: { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`/api/${path}`, {
      method: options.method ?? (hasBody ? 'POST' : 'GET'),
      credentials: 'same-origin',
      headers: hasBody ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new AccountApiError(0, 'offline', OFFLINE, null, null);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  if (!response.ok) {
    const error = body?.error;
    const retryAfter = Number(response.headers.get('Retry-After'));
    const detailsRetry = Number((error?.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec);
    const seconds = retryAfter > 0 ? retryAfter : detailsRetry > 0 ? detailsRetry : null;
    throw new AccountApiError(response.status, error?.code ?? 'http-error', error?.message ?? `The server answered ${response.status}.`, error?.details ?? null, seconds);
  }
  return body as T;
}

/** A POST with a JSON body (`{}` when the route takes none, as the server asks for JSON). */
export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return accountRequest<T>(path, { method: 'POST', body });
}

/** The message to show for any failure: the server's own words, or a generic one. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

/** The error's code, or "" for failures that are not API answers. */
export function codeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : '';
}
