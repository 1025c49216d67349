/**
 * Property-based fuzzing of every JSON endpoint and every query parameter (issue 10): random and
 * hostile values (names of Object members, control and bidi characters, lone surrogates, very long
 * text), deep nesting, numbers JSON reads as Infinity or beyond double precision, wrong types and
 * unknown fields. Whatever arrives, the answer is below 500, nothing is written onto
 * `Object.prototype`, and the server keeps answering. Runs are bounded so the suite stays quick;
 * a failure prints fast-check's seed and counterexample to replay it.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { Browser } from '../support/browser';
import { freshMobile, login } from './auth-client';

/** Runs per endpoint (each run is one request); analytics, with the most shapes to explore, gets more. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const RUNS_FOR: Record<string, number> = { '/foxtrot/v1/analytics': RUNS * 10, '/foxtrot/v1/document/storefront/bulk': RUNS * 3 };

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
const ODD_TEXT = [
  '', ' ', '\u0000', '\u001b[2J\u001b[31mred', '\u202eevil', '\ufeff', '\ud800', '\udfff', 'a\u0301', '😀'.repeat(50), 'ｆｕｌｌ',
  'नमस्ते', '../../etc/passwd', "' OR 1=1 --", '%00', '%E0%A4%A', '{{nonce}}', '<script>alert(1)</script>', 'x'.repeat(5000),
  '=HYPERLINK("http://x")', '-1+2', 'NaN', 'Infinity', '1e400', 'null', 'true', '[]', '{}',
];
/** Number tokens written into the JSON text as is: JSON.stringify could not produce most of them. */
const NUMBER_TOKENS = ['0', '-0', '1', '-1', '1.5', '1e400', '-1e400', '1e-400', '9007199254740993', '123456789012345678901234567890', '1E308', '-2147483649', '0.1e1'];

/** A JSON value as text, so numbers, duplicate keys and `__proto__` reach the server exactly as written. */
type Json = string;

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT, ...DANGEROUS_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
);
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) }, { weight: 2, arbitrary: text });
const quoted = (s: string): Json => JSON.stringify(s);
const numberToken = fc.oneof(fc.constantFrom(...NUMBER_TOKENS), fc.double().filter(Number.isFinite).map(String), fc.integer().map(String));

/** Any JSON value, a few levels deep. */
const { value: anyValue } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(quoted),
    numberToken,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${quoted(k)}:${v}`).join(',')}}`),
  ),
}));

/** Thousands of levels of arrays or objects. */
const deep = fc.tuple(fc.integer({ min: 100, max: 6000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A value for a known field: usually plausible, often hostile. */
function fieldValue(plausible: fc.Arbitrary<Json>[]): fc.Arbitrary<Json> {
  return fc.oneof({ weight: 2, arbitrary: plausible.length ? fc.oneof(...plausible) : anyValue }, { weight: 2, arbitrary: anyValue });
}

/** An object of the endpoint's fields (some left out), plus now and then an unknown or dangerous one. */
function shapedBody(fields: Record<string, fc.Arbitrary<Json>[]>): fc.Arbitrary<Json> {
  const entries = Object.entries(fields).map(([name, plausible]) => fc.option(fieldValue(plausible).map((v) => `${quoted(name)}:${v}`), { nil: undefined, freq: 4 }));
  return fc
    .tuple(fc.tuple(...(entries.length ? entries : [fc.constant(undefined)])), fc.array(fc.tuple(key, anyValue), { maxLength: 2 }))
    .map(([known, extra]) => `{${[...known.filter((e): e is string => e !== undefined), ...extra.map(([k, v]) => `${quoted(k)}:${v}`)].join(',')}}`);
}

/** Whole bodies: shaped like the endpoint's, any JSON at all, deep nesting, or broken text. */
function body(fields: Record<string, fc.Arbitrary<Json>[]>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: shapedBody(fields) },
    { weight: 2, arbitrary: anyValue },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":1,}', '\u0000', 'null', '[]', '"x"', '1e400', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}') },
  );
}

const s = (...values: string[]) => values.map((v) => fc.constant(quoted(v)));
const n = (...values: number[]) => values.map((v) => fc.constant(String(v)));
const mobiles = s('9876543210', '+91 98765 43210', '0000000000');
const FIELDS = ['eventType', 'os', 'routeType', 'n', '_timestamp', 'data.os', 'a.b.c', ...DANGEROUS_KEYS];
const field = fc.constantFrom(...FIELDS).map(quoted);
const filter = fc
  .tuple(
    fc.constantFrom('equals', 'not_equals', 'contains', 'wildcard', 'less_than', 'between', 'in', 'not_in', 'exists', 'missing', 'last', 'any', 'toString'),
    field,
    anyValue,
    anyValue,
    fc.constantFrom('"1h"', '"1 constructor"', '1e400', '"5m"'),
  )
  .map(([op, f, v, w, duration]) => `{"operator":${quoted(op)},"field":${f},"value":${v},"values":[${v},${w}],"from":${v},"to":${w},"duration":${duration},"currentTime":${w}}`);
const filters = fc.array(filter, { maxLength: 3 }).map((list) => `[${list.join(',')}]`);
const analyticsRequest = shapedBody({
  opcode: s('query', 'count', 'distinct', 'group', 'histogram', 'trend', 'stats', 'statstrend', 'multi_query', 'multi_time_query', '__proto__'),
  table: s('storefront', 'server', 'nope', '__proto__'),
  filters: [filters],
  nesting: [fc.array(field, { maxLength: 3 }).map((f) => `[${f.join(',')}]`)],
  field: [field],
  values: [fc.array(anyValue, { maxLength: 3 }).map((v) => `[${v.join(',')}]`)],
  period: s('minutes', 'hours', 'constructor'),
  stats: [fc.constant('["count","toString"]'), fc.constant('["avg"]')],
  percentiles: [fc.constant('[50,1e400]'), fc.constant('[99]')],
  uniqueCountOn: [field],
  aggregationField: [field],
  aggregationType: s('sum', 'avg', 'valueOf'),
  sort: [field.map((f) => `{"field":${f},"order":"asc"}`)],
  limit: n(1, 10_000),
  from: n(0),
  requests: [fc.constant('{"a":{"opcode":"count","table":"storefront"},"__proto__":{"opcode":"count","table":"storefront"}}')],
  actionRequest: [fc.constant('{"opcode":"group","table":"storefront","nesting":["eventType"],"filters":[{"operator":"last","duration":"1h"}]}')],
  sampleSize: n(2, 1000),
  skipDuration: s('1h', '1d'),
});
const document = shapedBody({ id: [text.map(quoted), numberToken], timestamp: [numberToken], data: [anyValue, fc.constant('{"eventType":"PAGE_VIEW"}')] });

interface Endpoint {
  method: string;
  /** Path, with `:param` parts filled by hostile text. */
  path: string;
  body?: fc.Arbitrary<string>;
  /** Query parameters the endpoint reads; others are added at random too. */
  query?: string[];
  /** Headers the endpoint reads, with hostile values. */
  headers?: string[];
}

const orderLine = shapedBody({ productId: s('itm0000000000000'), variantId: s(''), quantity: n(1, 0, 11), unitPrice: n(49900, -1) });
const orderLines = fc.array(orderLine, { maxLength: 3 }).map((lines) => `[${lines.join(',')}]`);

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/catalog/home' },
  { method: 'GET', path: '/api/catalog/categories' },
  { method: 'GET', path: '/api/catalog/browse/:slug', query: ['page', 'pageSize', 'sort', 'brand', 'price', 'rating', 'discount'] },
  { method: 'GET', path: '/api/catalog/browse/mobiles', query: ['page', 'pageSize', 'sort', 'brand', 'price', 'rating', 'discount'] },
  { method: 'GET', path: '/api/catalog/search', query: ['q', 'page', 'pageSize', 'sort'] },
  { method: 'GET', path: '/api/catalog/suggest', query: ['q'] },
  { method: 'GET', path: '/api/catalog/products/:id' },
  { method: 'GET', path: '/api/catalog/products', query: ['ids'] },
  { method: 'GET', path: '/img/p/:id/:file', query: ['w'] },
  { method: 'GET', path: '/api/cart' },
  { method: 'POST', path: '/api/cart/items', body: body({ productId: s('itm0000000000000'), variantId: s(''), quantity: n(1, 10, 11, 0) }) },
  { method: 'PATCH', path: '/api/cart/items/:id', body: body({ quantity: n(1, 2) }) },
  { method: 'DELETE', path: '/api/cart/items/:id' },
  { method: 'POST', path: '/api/auth/identify', body: body({ mobile: mobiles }) },
  { method: 'POST', path: '/api/auth/otp/resend', body: body({ mobile: mobiles, purpose: s('login', 'reset', 'constructor') }) },
  { method: 'POST', path: '/api/auth/otp/verify', body: body({ mobile: mobiles, code: s('123456', '1e400') }) },
  { method: 'POST', path: '/api/auth/password/verify', body: body({ password: s('a-long-password') }) },
  { method: 'POST', path: '/api/auth/password', body: body({ password: s('a-long-password-2') }) },
  { method: 'POST', path: '/api/auth/forgot/start', body: body({ mobile: mobiles }) },
  { method: 'POST', path: '/api/auth/forgot/verify', body: body({ mobile: mobiles, code: s('123456') }) },
  { method: 'POST', path: '/api/auth/forgot/reset', body: body({ password: s('a-long-password-3') }) },
  { method: 'POST', path: '/api/auth/step-up/start', body: body({}) },
  { method: 'POST', path: '/api/auth/step-up/verify', body: body({ code: s('123456') }) },
  { method: 'GET', path: '/api/account/me' },
  { method: 'GET', path: '/api/account/states' },
  { method: 'PATCH', path: '/api/account/profile', body: body({ name: s('Asha', '__proto__'), email: s('a@b.in', '') }) },
  { method: 'GET', path: '/api/account/addresses' },
  {
    method: 'POST',
    path: '/api/account/addresses',
    body: body({ name: s('Asha Rao'), phone: s('9876543210'), pin: s('560001'), line1: s('12 MG Road'), city: s('Bengaluru'), state: s('Karnataka', 'constructor'), type: s('home'), isDefault: [fc.constant('true')] }),
  },
  { method: 'PATCH', path: '/api/account/addresses/:id', body: body({ name: s('Asha Rao'), pin: s('560001') }) },
  { method: 'DELETE', path: '/api/account/addresses/:id' },
  { method: 'POST', path: '/api/account/mobile/change/start', body: body({ mobile: mobiles }) },
  { method: 'POST', path: '/api/account/mobile/change/verify', body: body({ mobile: mobiles, code: s('123456') }) },
  { method: 'POST', path: '/api/checkout/summary', body: body({ addressId: s('00000000-0000-4000-8000-000000000000'), lines: [orderLines] }) },
  {
    method: 'POST',
    path: '/api/orders',
    headers: ['idempotency-key'],
    body: body({ addressId: s('00000000-0000-4000-8000-000000000000'), paymentMethod: s('cod', 'test-gateway', 'constructor'), lines: [orderLines] }),
  },
  { method: 'GET', path: '/api/orders', query: ['page', 'pageSize', 'cursor', 'before'] },
  { method: 'GET', path: '/api/orders/:id' },
  { method: 'POST', path: '/api/orders/:id/cancel', body: body({ reason: s('changed my mind') }) },
  { method: 'POST', path: '/api/orders/:id/payment-return', body: body({ paymentId: s('x') }), query: ['payment', 'status'] },
  { method: 'POST', path: '/api/payments/webhook/:id', headers: ['x-signature', 'x-timestamp', 'x-test-gateway-signature'], body: body({ id: s('evt_1'), type: s('payment.succeeded'), data: [anyValue] }) },
  { method: 'GET', path: '/ops/api/orders/:id' },
  { method: 'POST', path: '/ops/api/orders/:id/status', body: body({ status: s('packed', 'shipped', '__proto__') }) },
  { method: 'PATCH', path: '/ops/api/catalog/products/:id', body: body({ price: n(49900, -1, 0), mrp: n(59900), variants: [fc.constant('[{"id":"v1","stock":1e400}]'), fc.constant('[{"id":"__proto__","stock":1}]')] }) },
  { method: 'GET', path: '/ops/api/catalog/answers' },
  { method: 'GET', path: '/pay/test-gateway/:id' },
  { method: 'GET', path: '/api/wishlist', query: ['page', 'pageSize'] },
  { method: 'GET', path: '/api/wishlist/ids' },
  { method: 'PUT', path: '/api/wishlist/items/:id', body: body({ variantId: s('') }) },
  { method: 'DELETE', path: '/api/wishlist/items/:id' },
  { method: 'GET', path: '/api/push/key' },
  // Endpoints here are never a push service's (none is allowlisted), so nothing leaves the machine;
  // campaigns, which send, are left out for that reason.
  {
    method: 'POST',
    path: '/api/push/subscriptions',
    body: body({ endpoint: s('https://push.invalid/x', 'http://127.0.0.1:1/'), keys: [fc.constant('{"p256dh":"x","auth":"y"}'), anyValue], topics: [fc.constant('["offers","__proto__"]')] }),
  },
  { method: 'DELETE', path: '/api/push/subscriptions', body: body({ endpoint: s('https://push.invalid/x') }) },
  { method: 'GET', path: '/api/push/subscriptions' },
  { method: 'PATCH', path: '/api/push/subscriptions/:id', body: body({ topics: [fc.constant('["offers"]'), anyValue] }) },
  { method: 'DELETE', path: '/api/push/subscriptions/:id' },
  { method: 'POST', path: '/foxtrot/v1/document/storefront', body: fc.oneof(document, body({})) },
  { method: 'POST', path: '/foxtrot/v1/document/:id', body: document },
  { method: 'POST', path: '/foxtrot/v1/document/storefront/bulk', body: fc.oneof(fc.array(document, { maxLength: 5 }).map((d) => `[${d.join(',')}]`), body({})) },
  { method: 'POST', path: '/foxtrot/v1/analytics', body: fc.oneof({ weight: 4, arbitrary: analyticsRequest }, { weight: 1, arbitrary: body({}) }) },
  { method: 'POST', path: '/foxtrot/v1/fql', body: fc.oneof(text.map((t) => quoted(`select * from storefront where eventType = '${t.replaceAll("'", '')}'`)), anyValue).map((q) => `{"query":${q}}`) },
  { method: 'GET', path: '/foxtrot/v1/fql/download', query: ['q'] },
  { method: 'GET', path: '/foxtrot/v1/tables/:id' },
  { method: 'POST', path: '/foxtrot/v1/tables', body: body({ name: s('t1', '__proto__', 'server'), ttl: n(1, 3650, 0) }) },
  { method: 'GET', path: '/ops/api/dashboards' },
  { method: 'GET', path: '/ops/api/dashboards/:id' },
  { method: 'POST', path: '/ops/api/dashboards', body: body({ name: s('Phones'), widgets: [fc.array(anyValue, { maxLength: 3 }).map((w) => `[${w.join(',')}]`)] }) },
  { method: 'PUT', path: '/ops/api/dashboards/:id', body: body({ name: s('Phones'), widgets: [fc.constant('[]')] }) },
  { method: 'DELETE', path: '/ops/api/dashboards/:id' },
  { method: 'GET', path: '/search', query: ['q'] },
  // Last: wrong tokens here count against the address, and would hold up the operator routes above.
  { method: 'POST', path: '/ops/login', body: body({ token: s('x'.repeat(43)), next: s('/ops/console', '//evil.example') }) },
];

/** Broken percent-escapes, sent as they are. */
const RAW = /^%[0-9A-Za-z%]*$/;

/** Percent-encodes what can be encoded (raw escapes stay as they are); a lone surrogate goes as broken escapes instead. */
function encode(value: string): string {
  if (RAW.test(value)) return value;
  try {
    return encodeURIComponent(value);
  } catch {
    return `%ED%A0%80${value.length}`;
  }
}

const queryString = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...(names.length ? names : ['q'])), key, fc.constantFrom('q[]', 'page[a]', 'q.__proto__')), fc.oneof(text, numberToken, fc.constantFrom('%', '%zz', '%E0%A4%A'))), { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&'));

const pathParam = fc.oneof(text, fc.constantFrom('itm0000000000000', '00000000-0000-4000-8000-000000000000', 'AAAAAAAAAAAA', '0.svg', '..', '%2e%2e', '%ZZ')).map(encode);

/** Raw HTTP, so paths and bodies reach the server byte for byte as generated. */
function send(base: URL, method: string, path: string, headers: Record<string, string>, payload?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers: payload === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(payload)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString().slice(0, 500) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

for (const kind of storeKinds()) {
  describe(`fuzzing every endpoint (${kind})`, () => {
    let server: TestServer;
    let base: URL;
    let cookie = '';
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

    before(async () => {
      server = await startServer(kind, {
        seedProducts: 30,
        env: { LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent', AUTH_IP_SENDS_PER_HOUR: '100000', TELEMETRY_IP_KB_PER_MIN: '1000000', TELEMETRY_GLOBAL_MB_PER_MIN: '100000' },
      });
      base = new URL(server.url);
      const browser = new Browser(server.url);
      await login(server, browser, freshMobile());
      cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    });
    after(async () => {
      await server?.close();
    });

    // FUZZ_ONLY=/foxtrot/v1/analytics FUZZ_SEED=… replays one endpoint's failure.
    for (const endpoint of ENDPOINTS.filter((e) => !process.env.FUZZ_ONLY || e.path === process.env.FUZZ_ONLY)) {
      it(`${endpoint.method} ${endpoint.path}: no 5xx, no change to Object.prototype`, async () => {
        const params = (endpoint.path.match(/:\w+/g) ?? []).length;
        const arbitrary = fc.record({
          params: fc.array(pathParam, { minLength: params, maxLength: params }),
          query: queryString(endpoint.query ?? []),
          body: endpoint.body ?? fc.constant(undefined),
          signedIn: fc.boolean(),
          asOperator: fc.nat(9).map((n) => n > 0),
          extra: fc.array(fc.oneof(text, numberToken), { minLength: (endpoint.headers ?? []).length, maxLength: (endpoint.headers ?? []).length }),
        });
        await fc.assert(
          fc.asyncProperty(arbitrary, async ({ params: values, query, body: payload, signedIn, asOperator, extra }) => {
            let i = 0;
            const path = endpoint.path.replace(/:\w+/g, () => values[i++]!) + (query ? `?${query}` : '');
            const headers: Record<string, string> = {
              accept: 'application/json',
              'sec-fetch-site': 'same-origin',
              ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
              ...(signedIn && cookie ? { cookie } : {}),
              ...(asOperator ? server.operator : {}),
              // Header values must be visible ASCII on the wire; hostile ones go percent-encoded.
              ...Object.fromEntries((endpoint.headers ?? []).map((name, k) => [name, encode(extra[k]!).slice(0, 200) || 'x'])),
            };
            const res = await send(base, endpoint.method, path, headers, payload);
            assert.ok(res.status > 0 && res.status < 500, `${res.status} for ${endpoint.method} ${path} ${payload?.slice(0, 300) ?? ''}: ${res.body}`);
            assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames, `${endpoint.method} ${path} ${payload?.slice(0, 300)}`);
          }),
          { numRuns: RUNS_FOR[endpoint.path] ?? RUNS, ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), verbose: 2 } : {}) },
        );
        // Still answering, and still itself.
        const home = await send(base, 'GET', '/api/catalog/home', { accept: 'application/json' });
        assert.equal(home.status, 200);
        assert.equal(({} as Record<string, unknown>).polluted, undefined);
      });
    }
  });
}
