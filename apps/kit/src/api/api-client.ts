/** The apps' one JSON client for the shop API: same-origin, credentials included, errors typed. */
import type { ApiErrorBody } from '../../../../shared/api-types';
import { ApiError, OFFLINE_MESSAGE } from './api-error';

export interface RequestOptions {
  /** Defaults to POST when there is a body, GET otherwise. */
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Extra request headers (an `Idempotency-Key`, say). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls `/api/<path>` (same-origin, so the browser proves it with `Sec-Fetch-Site`) and returns its
 * JSON, or throws an ApiError with the server's code, message, details and wait.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const hasBody = options.body !== undefined;
  const init: RequestInit = {
    method: options.method ?? (hasBody ? 'POST' : 'GET'),
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
    ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let response: Response;
  try {
    response = await fetch(`/api/${path.replace(/^\//, '')}`, init);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'offline', OFFLINE_MESSAGE);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
  if (!response.ok) {
    const error = (body as ApiErrorBody | null)?.error;
    const details = error?.details ?? null;
    throw new ApiError(response.status, error?.code ?? 'http-error', error?.message ?? `The server answered ${response.status}.`, details, retryAfterOf(response, details));
  }
  return body as T;
}

/** A POST with a JSON body (`{}` when the route takes none, as the server asks for JSON). */
export function apiPost<T>(path: string, body: unknown = {}, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'POST', body });
}

/** Seconds from the `Retry-After` header, else from `details.retryAfterSec`, else null. */
function retryAfterOf(response: Response, details: unknown): number | null {
  const header = Number(response.headers.get('Retry-After'));
  if (header > 0) return header;
  const fromDetails = Number((details as { retryAfterSec?: unknown } | null)?.retryAfterSec);
  return fromDetails > 0 ? fromDetails : null;
}
