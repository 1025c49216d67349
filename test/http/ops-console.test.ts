/**
 * The operators' console over HTTP, on every store: who gets in (bearer token, login cookie),
 * the cookie's attributes, CSRF refusals, the console page with and without a build, and the
 * saved-dashboards API with its validation.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { jsonOrUndefined } from '../support/browser';

const repoDist = path.resolve(import.meta.dirname, '../../dist');

const widget = (over: Record<string, unknown> = {}) => ({
  id: 'w1',
  type: 'pie',
  title: 'Loads by OS',
  table: 'storefront',
  window: { last: '1h' },
  filters: [{ field: 'event', operator: 'equals', value: 'APP_LOAD' }],
  field: 'os',
  ...over,
});
const dashboard = (over: Record<string, unknown> = {}) => ({ name: 'Phones', widgets: [widget()], ...over });

for (const kind of storeKinds()) {
  describe(`/ops (${kind})`, () => {
    let server: TestServer;
    let token: string;
    let dist: string;

    const call = async (method: string, url: string, options: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}) => {
      // As the console's own pages send them: writes carry Sec-Fetch-Site unless a test says otherwise.
      const headers: Record<string, string> = { ...(method === 'GET' || method === 'HEAD' ? {} : { 'sec-fetch-site': 'same-origin' }), ...options.headers };
      let body: string | undefined;
      if (options.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(options.form).toString();
      } else if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      // An empty value drops the header, e.g. `sec-fetch-site: ''` for an older browser that sends only Origin.
      const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''));
      const res = await fetch(server.url + url, { method, headers: sent, body, redirect: 'manual' });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: jsonOrUndefined(text) };
    };
    const bearer = () => ({ authorization: `Bearer ${token}` });
    const login = async () => {
      const res = await call('POST', '/ops/login', { form: { token, next: '/ops/console' }, headers: { 'sec-fetch-site': 'same-origin' } });
      assert.equal(res.status, 303);
      const set = res.headers.getSetCookie()[0]!;
      return { set, cookie: set.split(';')[0]! };
    };

    before(async () => {
      // The shop's build, with an ops-console folder of our own so the test controls whether it exists.
      dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-dist-'));
      for (const part of ['vendors', 'apps']) fs.symlinkSync(path.join(repoDist, part), path.join(dist, part));
      server = await startServer(kind, { seedProducts: 0, env: { DIST_DIR: dist } });
      token = fs.readFileSync(path.join(server.config.dataDir, 'ops-token'), 'utf8').trim();
    });
    after(async () => {
      await server.close();
      fs.rmSync(dist, { recursive: true, force: true });
    });

    describe('operator token', () => {
      it('should be generated on first start into DATA_DIR/ops-token, readable by its owner only', () => {
        assert.match(token, /^[A-Za-z0-9_-]{43}$/);
        const mode = fs.statSync(path.join(server.config.dataDir, 'ops-token')).mode & 0o777;
        assert.equal(mode, 0o600);
      });
    });

    describe('access', () => {
      it('should answer API calls without credentials with 401 JSON', async () => {
        const res = await call('GET', '/ops/api/dashboards');
        assert.equal(res.status, 401);
        assert.equal(res.json.error.code, 'operator-required');
        assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      });
      it('should redirect page navigations without credentials to the login page', async () => {
        const res = await call('GET', '/ops/console/d/abc', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
        assert.equal(res.status, 303);
        assert.equal(res.headers.get('location'), '/ops/login?next=%2Fops%2Fconsole%2Fd%2Fabc');
      });
      it('should refuse a wrong bearer token and a malformed Authorization header', async () => {
        for (const authorization of ['Bearer nope', `Bearer ${token}x`, `Basic ${token}`, 'Bearer']) {
          const res = await call('GET', '/ops/api/dashboards', { headers: { authorization } });
          assert.equal(res.status, 401, authorization);
        }
      });
      it('should let the right bearer token in', async () => {
        const res = await call('GET', '/ops/api/dashboards', { headers: bearer() });
        assert.equal(res.status, 200);
        assert.deepEqual(res.json, { dashboards: [] });
      });
    });

    describe('login page', () => {
      it('should serve a form with a strict CSP and no caching', async () => {
        const res = await call('GET', '/ops/login?next=%2Fops%2Fconsole%2Ffql');
        assert.equal(res.status, 200);
        assert.match(res.text, /<form method="post" action="\/ops\/login">/);
        assert.match(res.text, /name="next" value="\/ops\/console\/fql"/);
        assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
        assert.equal(res.headers.get('cache-control'), 'no-store');
      });
      it('should refuse a wrong token with 401 and no cookie', async () => {
        const res = await call('POST', '/ops/login', { form: { token: 'wrong-token' } });
        assert.equal(res.status, 401);
        assert.match(res.text, /not right/);
        assert.equal(res.headers.getSetCookie().length, 0);
        const json = await call('POST', '/ops/login', { body: { token: 'wrong' } });
        assert.equal(json.status, 401);
        assert.equal(json.json.error.code, 'invalid-operator-token');
      });
      it('should set an HttpOnly, Secure, SameSite=Strict __Host- cookie holding a signed session, not the token', async () => {
        const { set, cookie } = await login();
        assert.match(set, /^__Host-sf_ops=/);
        assert.match(set, /; HttpOnly/i);
        assert.match(set, /; Secure/i);
        assert.match(set, /; SameSite=Strict/i);
        assert.match(set, /; Path=\//);
        assert.doesNotMatch(set, /Domain=/i);
        assert.ok(!set.includes(token));
        const res = await call('GET', '/ops/api/dashboards', { headers: { cookie } });
        assert.equal(res.status, 200);
      });
      it('should send the operator on to a path inside /ops only', async () => {
        for (const [next, expected] of [['/ops/console/fql', '/ops/console/fql'], ['https://evil.example/', '/ops/console'], ['//evil.example', '/ops/console'], ['/api/cart', '/ops/console']]) {
          const res = await call('POST', '/ops/login', { form: { token, next: next! } });
          assert.equal(res.headers.get('location'), expected, next);
        }
      });
      it('should let the console\'s session query telemetry, which refuses anyone else', async () => {
        const { cookie } = await login();
        const query = { opcode: 'count', table: 'storefront', bypassCache: true };
        const signedIn = await call('POST', '/foxtrot/v1/analytics', { body: query, headers: { cookie, 'sec-fetch-site': 'same-origin' } });
        assert.equal(signedIn.status, 200, signedIn.text);
        assert.equal(typeof signedIn.json.count, 'number');
        const tables = await call('GET', '/foxtrot/v1/tables', { headers: { cookie } });
        assert.ok((tables.json as Array<{ name: string }>).some((t) => t.name === 'storefront'));
        assert.equal((await call('POST', '/foxtrot/v1/analytics', { body: query })).status, 401);
      });

      it('should refuse a tampered or expired session cookie', async () => {
        const { cookie } = await login();
        const tampered = cookie.replace(/=(\d)/, (_m, d: string) => `=${(Number(d) + 1) % 10}`);
        assert.equal((await call('GET', '/ops/api/dashboards', { headers: { cookie: tampered } })).status, 401);
        server.clock.advance(13 * 60 * 60 * 1000);
        try {
          assert.equal((await call('GET', '/ops/api/dashboards', { headers: { cookie } })).status, 401);
        } finally {
          server.clock.advance(-13 * 60 * 60 * 1000);
        }
      });
      it('should clear the cookie on logout', async () => {
        const res = await call('POST', '/ops/logout', { headers: { 'sec-fetch-site': 'same-origin' } });
        assert.equal(res.status, 303);
        assert.match(res.headers.getSetCookie()[0] ?? '', /^__Host-sf_ops=; Max-Age=0/);
      });
    });

    describe('CSRF', () => {
      it('should refuse cross-site state changes even with a valid session', async () => {
        const { cookie } = await login();
        const bySite = await call('POST', '/ops/api/dashboards', { body: dashboard(), headers: { cookie, 'sec-fetch-site': 'cross-site' } });
        assert.equal(bySite.status, 403);
        assert.equal(bySite.json.error.code, 'forbidden');
        const byOrigin = await call('DELETE', '/ops/api/dashboards/AAAAAAAAAAAA', { headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': '' } });
        assert.equal(byOrigin.status, 403);
        // An opaque origin, another scheme on the same host, or no sign of where the request came from.
        const host = new URL(server.url).host;
        for (const origin of ['null', `https://${host}`, '']) {
          const res = await call('POST', '/ops/api/dashboards', { body: dashboard(), headers: { cookie, origin, 'sec-fetch-site': '' } });
          assert.equal(res.status, 403, origin);
          assert.equal(res.json.error.code, 'forbidden');
        }
        const loginAcross = await call('POST', '/ops/login', { form: { token }, headers: { 'sec-fetch-site': 'cross-site' } });
        assert.equal(loginAcross.status, 403);
        assert.equal((await call('GET', '/ops/api/dashboards', { headers: bearer() })).json.dashboards.length, 0);
      });
      it('should let same-origin requests through', async () => {
        const { cookie } = await login();
        const res = await call('POST', '/ops/api/dashboards', { body: dashboard({ name: 'Same origin' }), headers: { cookie, 'sec-fetch-site': 'same-origin' } });
        assert.equal(res.status, 201);
        assert.equal((await call('DELETE', `/ops/api/dashboards/${res.json.id}`, { headers: { cookie, origin: server.url, 'sec-fetch-site': '' } })).status, 204);
        // API clients with the token send no Origin: the header itself shows no other site sent it.
        const api = await call('POST', '/ops/api/dashboards', { body: dashboard({ name: 'From a script' }), headers: { ...bearer(), 'sec-fetch-site': '' } });
        assert.equal(api.status, 201);
        assert.equal((await call('DELETE', `/ops/api/dashboards/${api.json.id}`, { headers: { ...bearer(), 'sec-fetch-site': '' } })).status, 204);
      });
    });

    describe('console page', () => {
      it('should answer 503 with a clear message while the console is not built', async () => {
        const res = await call('GET', '/ops/console', { headers: { ...bearer(), accept: 'text/html' } });
        assert.equal(res.status, 503);
        assert.match(res.text, /npm run build/);
      });
      it('should serve the built console with a nonce CSP, and its hashed assets', async () => {
        const hash = 'abcdef012345';
        const dir = path.join(dist, 'ops-console', hash);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'console.0123456789ab.js'), 'console.log(1)');
        fs.writeFileSync(path.join(dir, 'console.0123456789ab.js.br'), 'compressed');
        fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ hash, js: 'console.0123456789ab.js', css: null }));
        fs.writeFileSync(path.join(dist, 'ops-console', 'current.json'), JSON.stringify({ id: hash, activatedAt: new Date().toISOString() }));
        for (const page of ['/ops/console', '/ops/console/fql', '/ops/console/d/AAAAAAAAAAAA']) {
          const res = await call('GET', page, { headers: bearer() });
          assert.equal(res.status, 200, page);
          const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
          assert.ok(nonce);
          assert.ok(res.text.includes(`<script nonce="${nonce}" src="/ops/console/assets/${hash}/console.0123456789ab.js"`));
        }
        const plain = await call('GET', `/ops/console/assets/${hash}/console.0123456789ab.js`, { headers: { ...bearer(), 'accept-encoding': 'identity' } });
        assert.equal(plain.text, 'console.log(1)');
        assert.match(plain.headers.get('cache-control') ?? '', /immutable/);
        const br = await fetch(`${server.url}/ops/console/assets/${hash}/console.0123456789ab.js`, { headers: { ...bearer(), 'accept-encoding': 'br' } });
        assert.equal(br.headers.get('content-encoding'), 'br');
        await br.body?.cancel();
        assert.equal((await call('GET', `/ops/console/assets/${hash}/console.0123456789ab.js`)).status, 401);
        assert.equal((await call('GET', `/ops/console/assets/${hash}/manifest.json`, { headers: bearer() })).status, 404);
      });
    });

    describe('/ops/api/dashboards', () => {
      it('should create, read, list, update and delete a dashboard', async () => {
        const created = await call('POST', '/ops/api/dashboards', { body: dashboard(), headers: bearer() });
        assert.equal(created.status, 201, created.text);
        const id = created.json.id as string;
        assert.match(id, /^[A-Za-z0-9_-]{12}$/);
        assert.equal(created.headers.get('location'), `/ops/api/dashboards/${id}`);
        // Defaults are filled in.
        assert.equal(created.json.widgets[0].legend, true);
        assert.equal(created.json.widgets[0].refreshSeconds, 0);
        assert.equal(created.json.widgets[0].limit, 10);
        const read = await call('GET', `/ops/api/dashboards/${id}`, { headers: bearer() });
        assert.deepEqual(read.json, created.json);
        const list = await call('GET', '/ops/api/dashboards', { headers: bearer() });
        assert.deepEqual(list.json.dashboards.map((d: { id: string; widgets: number }) => [d.id, d.widgets]), [[id, 1]]);
        server.clock.advance(1000);
        const widgets = [
          widget({ id: 'a', type: 'bar', field: 'page', stackBy: 'os', legend: false }),
          widget({ id: 'b', type: 'histogram', period: 'hours', window: { last: '7d' }, refreshSeconds: 30, span: 2 }),
          widget({ id: 'c', type: 'trend', field: 'os', values: ['android', 'ios'] }),
          widget({ id: 'd', type: 'statstrend', field: 'value', series: ['p50', 'p95'], window: { from: 1, to: 2 } }),
          widget({ id: 'e', type: 'table', columns: ['event', 'os'], limit: 20 }),
          widget({ id: 'f', type: 'count', field: 'sessionId', distinct: true }),
        ].map(({ field, ...rest }) => (rest.type === 'histogram' || rest.type === 'table' ? rest : { field, ...rest }));
        const updated = await call('PUT', `/ops/api/dashboards/${id}`, { body: dashboard({ name: 'Phones v2', widgets }), headers: bearer() });
        assert.equal(updated.status, 200, updated.text);
        assert.equal(updated.json.name, 'Phones v2');
        assert.equal(updated.json.widgets.length, 6);
        assert.ok(updated.json.updatedAt > created.json.updatedAt);
        assert.equal((await call('DELETE', `/ops/api/dashboards/${id}`, { headers: bearer() })).status, 204);
        assert.equal((await call('GET', `/ops/api/dashboards/${id}`, { headers: bearer() })).status, 404);
        assert.equal((await call('DELETE', `/ops/api/dashboards/${id}`, { headers: bearer() })).status, 404);
      });

      it('should answer bad input with a 4xx and a code, never a 500', async () => {
        const cases: Array<[string, string, unknown, number, string]> = [
          ['POST', '/ops/api/dashboards', '{"name":', 400, 'invalid-json'],
          ['POST', '/ops/api/dashboards', null, 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', [], 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', { name: '', widgets: [] }, 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ extra: 1 }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ type: 'donut' })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ table: 'Bad Table' })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ field: 'a..b' })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ window: { last: '3h' } })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ window: { from: 5, to: 1 } })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ filters: [{ field: 'os', operator: 'regex', value: 'x' }] })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: [widget({ refreshSeconds: 7 })] }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ widgets: Array.from({ length: 31 }, (_, i) => widget({ id: `w${i}` })) }), 400, 'bad-request'],
          ['POST', '/ops/api/dashboards', dashboard({ name: 'x'.repeat(70_000) }), 413, 'payload-too-large'],
          ['PUT', '/ops/api/dashboards/AAAAAAAAAAAA', dashboard(), 404, 'not-found'],
          ['PUT', '/ops/api/dashboards/AAAAAAAAAAAA', { name: 1 }, 400, 'bad-request'],
          ['GET', '/ops/api/dashboards/not-an-id', undefined, 404, 'not-found'],
          ['GET', '/ops/api/nothing', undefined, 404, 'not-found'],
        ];
        for (const [method, url, body, status, code] of cases) {
          const res = await call(method, url, { body, headers: bearer() });
          assert.equal(res.status, status, `${method} ${url} ${JSON.stringify(body)?.slice(0, 80)}: ${res.text}`);
          assert.equal(res.json?.error?.code, code, `${method} ${url}`);
        }
        const wrongType = await call('POST', '/ops/api/dashboards', { body: 'name=x', headers: { ...bearer(), 'content-type': 'text/plain' } });
        assert.equal(wrongType.status, 415);
        const problems = (await call('POST', '/ops/api/dashboards', { body: dashboard({ widgets: [widget({ table: 'Bad Table' })] }), headers: bearer() })).json.error.details.problems;
        assert.equal(problems[0].field, 'widgets.0.table');
      });
    });

    describe('login limits', () => {
      it('should stop accepting tokens from an address after 10 wrong ones, for 15 minutes', async () => {
        for (let i = 0; i < 10; i++) await call('POST', '/ops/login', { form: { token: `wrong-${i}` } });
        const blocked = await call('POST', '/ops/login', { body: { token } });
        assert.equal(blocked.status, 403);
        server.clock.advance(16 * 60_000);
        assert.equal((await call('POST', '/ops/login', { body: { token } })).status, 200);
      });

      it('should count wrong Bearer tokens with the same limit, on every operator route', async () => {
        const wrong = { authorization: `Bearer ${'x'.repeat(43)}` };
        for (let i = 0; i < 5; i++) assert.equal((await call('GET', '/ops/api/dashboards', { headers: wrong })).status, 401);
        for (let i = 0; i < 5; i++) assert.equal((await call('POST', '/foxtrot/v1/analytics', { body: { opcode: 'count', table: 'storefront' }, headers: wrong })).status, 401);
        // The right token is refused now, by header and in the form, until the oldest failure ages out.
        const blocked = await call('GET', '/ops/api/dashboards', { headers: bearer() });
        assert.equal(blocked.status, 429);
        assert.equal(blocked.json.error.code, 'rate-limited');
        assert.ok(Number(blocked.headers.get('retry-after')) > 0 && Number(blocked.headers.get('retry-after')) <= 15 * 60);
        assert.equal((await call('POST', '/ops/api/sw/kill', { headers: bearer() })).status, 429);
        assert.equal((await call('POST', '/ops/login', { body: { token } })).status, 403);
        server.clock.advance(16 * 60_000);
        assert.equal((await call('GET', '/ops/api/dashboards', { headers: bearer() })).status, 200);
      });
    });
  });
}

describe('/ops with INSECURE_COOKIES=1', () => {
  it('should drop Secure and the __Host- prefix, for plain-HTTP testing only', async () => {
    const server = await startServer('sqlite', { seedProducts: 0, env: { INSECURE_COOKIES: '1' } });
    try {
      const token = fs.readFileSync(path.join(server.config.dataDir, 'ops-token'), 'utf8').trim();
      const res = await fetch(`${server.url}/ops/login`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' }, body: new URLSearchParams({ token }), redirect: 'manual' });
      const set = res.headers.getSetCookie()[0] ?? '';
      assert.match(set, /^sf_ops=/);
      assert.doesNotMatch(set, /Secure/i);
      assert.match(set, /SameSite=Strict/i);
    } finally {
      await server.close();
    }
  });
});
