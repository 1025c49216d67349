import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { apiPost, apiRequest } from './api-client';
import { ApiError, codeOf, messageOf, OFFLINE_MESSAGE } from './api-error';

interface Seen {
  url: string;
  init: RequestInit;
}

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** Answers every request with `answer()` and records what was asked. */
function serve(answer: () => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return answer();
  }) as typeof fetch;
  return seen;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('apiRequest', () => {
  it('should GET /api/<path> same-origin and return the JSON', async () => {
    const seen = serve(() => json(200, { ok: 1 }));
    assert.deepEqual(await apiRequest('/cart'), { ok: 1 });
    assert.equal(seen[0]!.url, '/api/cart');
    assert.equal(seen[0]!.init.method, 'GET');
    assert.equal(seen[0]!.init.credentials, 'same-origin');
    assert.equal(seen[0]!.init.body, undefined);
  });

  it('should POST a JSON body when there is one and no method is named', async () => {
    const seen = serve(() => json(200, {}));
    await apiRequest('auth/identify', { body: { mobile: '9876543210' }, headers: { 'Idempotency-Key': 'k1' } });
    assert.equal(seen[0]!.init.method, 'POST');
    assert.equal(seen[0]!.init.body, '{"mobile":"9876543210"}');
    const headers = seen[0]!.init.headers as Record<string, string>;
    assert.equal(headers['Content-Type'], 'application/json');
    assert.equal(headers['Idempotency-Key'], 'k1');
  });

  it('should send {} from apiPost when the route takes no body', async () => {
    const seen = serve(() => json(200, {}));
    await apiPost('auth/logout');
    assert.equal(seen[0]!.init.method, 'POST');
    assert.equal(seen[0]!.init.body, '{}');
  });

  it('should answer undefined for 204', async () => {
    serve(() => new Response(null, { status: 204 }));
    assert.equal(await apiRequest('account/addresses/a1', { method: 'DELETE' }), undefined);
  });

  it('should throw the server code, message and details', async () => {
    serve(() => json(400, { error: { code: 'otp-invalid', message: 'That code is wrong.', details: { attemptsLeft: 2 } } }));
    const error = await apiRequest('auth/otp/verify', { body: {} }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'otp-invalid');
    assert.equal(error.message, 'That code is wrong.');
    assert.deepEqual(error.details, { attemptsLeft: 2 });
    assert.equal(error.retryAfterSec, null);
    assert.equal(error.offline, false);
  });

  it('should take the wait from Retry-After before details.retryAfterSec', async () => {
    serve(() => json(429, { error: { code: 'rate-limited', message: 'Slow down.', details: { retryAfterSec: 99 } } }, { 'Retry-After': '30' }));
    const error = (await apiRequest('auth/identify', { body: {} }).catch((e: unknown) => e)) as ApiError;
    assert.equal(error.retryAfterSec, 30);
  });

  it('should fall back to details.retryAfterSec when the header is missing', async () => {
    serve(() => json(423, { error: { code: 'login-locked', message: 'Locked.', details: { retryAfterSec: 600 } } }));
    const error = (await apiRequest('auth/password/verify', { body: {} }).catch((e: unknown) => e)) as ApiError;
    assert.equal(error.retryAfterSec, 600);
  });

  it('should name the status when the answer is not JSON', async () => {
    serve(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const error = (await apiRequest('cart').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.code, 'http-error');
    assert.equal(error.message, 'The server answered 502.');
    assert.equal(error.details, null);
  });

  it('should report a request that never got an answer as offline', async () => {
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await apiRequest('cart').catch((e: unknown) => e)) as ApiError;
    assert.equal(error.offline, true);
    assert.equal(error.code, 'offline');
    assert.equal(error.message, OFFLINE_MESSAGE);
  });

  it('should pass an abort through untouched', async () => {
    serve(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const error = (await apiRequest('cart').catch((e: unknown) => e)) as Error;
    assert.equal(error.name, 'AbortError');
  });
});

describe('messageOf and codeOf', () => {
  it('should keep the server words for API errors and be generic otherwise', () => {
    const error = new ApiError(409, 'price-changed', 'Prices changed.');
    assert.equal(messageOf(error), 'Prices changed.');
    assert.equal(codeOf(error), 'price-changed');
    assert.equal(messageOf(new Error('boom')), 'Something went wrong. Please try again.');
    assert.equal(codeOf('nope'), '');
  });
});
