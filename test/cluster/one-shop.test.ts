/**
 * Many nodes, one shop (issue 16): three nodes on one PostgreSQL behind nginx, with and without
 * Redis. A login on one node holds on the others; OTP send limits, lockouts and operator-token
 * guesses hold across nodes; the kill switch and a deploy reach every node; a price changed with
 * plain SQL reaches every node's search; buyers on different nodes never oversell. Started by the test itself: `bash test/run.sh` provides PostgreSQL,
 * redis-server and nginx.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { Browser } from '../support/browser';
import { createShoppers } from '../support/shoppers';
import { runBuildCommand } from '../support/build-runner';
import { distLayout } from '../../shared/dist-layout';
import { readPointer } from '../../server/shells/release-manifest';
import { startCluster, testDatabaseUrl, type Cluster } from './support/cluster';
import { NGINX } from './support/nginx';
import { waitUntil } from './support/processes';

const IP_SENDS_PER_HOUR = 4;
/** How long a change may take to reach every node: the nodes poll the store every second. */
const PROPAGATION_LIMIT_MS = 10_000;

const hasTool = (name: string, flag: string) => spawnSync(name, [flag]).status === 0;
const suites: { redis: boolean; skip: string | false }[] = [
  { redis: false, skip: false },
  { redis: true, skip: hasTool('redis-server', '--version') ? false : 'redis-server is not installed' },
];
const missing = !testDatabaseUrl() ? 'no PostgreSQL (TEST_DATABASE_URL is unset)' : !hasTool(NGINX, '-v') ? 'nginx is not installed' : false;

let mobiles = 0;
const freshMobile = () => `8${String(process.pid % 1000).padStart(3, '0')}${String(++mobiles).padStart(6, '0')}`;

for (const suite of suites) {
  describe(`one shop on three nodes (PostgreSQL${suite.redis ? ' and Redis' : ''})`, { skip: missing || suite.skip }, () => {
    let cluster: Cluster;
    before(async () => {
      cluster = await startCluster({ redis: suite.redis, env: { AUTH_IP_SENDS_PER_HOUR: String(IP_SENDS_PER_HOUR) } });
    });
    after(() => cluster?.close());
    const node = (i: number) => cluster.nodes[i]!;
    const codeFor = (mobile: string) => {
      const sms = cluster.sms().filter((m) => m.to === `+91${mobile}`).at(-1);
      assert.ok(sms, `no SMS to ${mobile}`);
      return /#(\d{6})$/.exec(sms.body)![1]!;
    };

    it('should be ready on every node, and say where its limits live', async () => {
      for (const n of cluster.nodes) {
        const body = (await (await fetch(`${n.url}/readyz`)).json()) as { status: string; checks: Record<string, { ok: boolean }> };
        assert.equal(body.status, 'ready', n.name);
        assert.equal(body.checks.redis?.ok, suite.redis ? true : undefined, n.name);
      }
    });

    it('should keep a shopper who logged in on one node logged in on the others', async () => {
      const mobile = freshMobile();
      const onA = new Browser(node(0).url);
      assert.equal((await onA.post('/api/auth/identify', { mobile })).status, 200);
      // The code was sent (and hashed with the shared key) by node A; node B checks it.
      const onB = new Browser(node(1).url, onA.cookies);
      const verified = await onB.post('/api/auth/otp/verify', { mobile, code: codeFor(mobile) });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      const onC = new Browser(node(2).url, onA.cookies);
      for (const browser of [onA, onB, onC]) {
        const me = await browser.get('/api/account/me');
        assert.equal(me.status, 200, JSON.stringify(me.body));
        assert.equal(me.body.account.id, verified.body.account.id);
      }
      // A sign-out through one node ends the session on all.
      const session = onA.cookies.get('sf_session');
      assert.ok(session);
      assert.equal((await onC.post('/api/auth/logout')).status, 204);
      assert.equal((await new Browser(node(0).url, new Map([['sf_session', session]])).get('/api/account/me')).status, 401);
    });

    it("should lock a browser out after wrong codes tried on different nodes", async () => {
      const mobile = freshMobile();
      const browser = new Browser(node(0).url);
      assert.equal((await browser.post('/api/auth/identify', { mobile })).status, 200);
      const wrong = String((Number(codeFor(mobile)) + 1) % 1_000_000).padStart(6, '0');
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await new Browser(node(i % 3).url, browser.cookies).post('/api/auth/otp/verify', { mobile, code: wrong });
        codes.push(answer.body?.error?.code);
      }
      // Five wrong tries void the code and lock the browser; the sixth, on yet another node, is refused for the lock.
      assert.deepEqual(codes, ['otp-invalid', 'otp-invalid', 'otp-invalid', 'otp-invalid', 'otp-attempts-exceeded', 'login-locked']);
    });

    it('should hold the per-address OTP limit over every node, counting an IPv6 /64 as one address', async () => {
      const answers: number[] = [];
      for (let i = 0; i < IP_SENDS_PER_HOUR + 1; i++) {
        // Through nginx: round robin over the nodes, each request from another address of one /64.
        const browser = new Browser(cluster.url);
        const answer = await browser.post('/api/auth/identify', { mobile: freshMobile() }, { 'x-forwarded-for': `2001:db8:77:1::${i + 1}` });
        answers.push(answer.status);
        if (answer.status !== 200) assert.equal(answer.body.error.code, 'rate-limited');
      }
      assert.deepEqual(answers, [...Array(IP_SENDS_PER_HOUR).fill(200), 429]);
      // Another /64 is another shopper.
      assert.equal((await new Browser(cluster.url).post('/api/auth/identify', { mobile: freshMobile() }, { 'x-forwarded-for': '2001:db8:77:2::1' })).status, 200);
    });

    it('should share one operator token and hold wrong-token guesses over every node', async () => {
      // Each node keeps a copy of the store's token on its own disk: all the same.
      const tokens = cluster.nodes.map((n) => fs.readFileSync(path.join(n.dataDir, 'ops-token'), 'utf8').trim());
      assert.equal(new Set(tokens).size, 1);
      const from = { 'x-forwarded-for': '198.51.100.23' };
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await fetch(`${node(i % 3).url}/ops/api/sw`, { headers: { authorization: `Bearer wrong-${crypto.randomBytes(24).toString('hex')}`, ...from } });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
      assert.equal((await fetch(`${node(0).url}/ops/api/sw`, { headers: { authorization: `Bearer ${tokens[0]}`, ...from } })).status, 429, 'refused even with the right token');
      assert.equal((await fetch(`${node(2).url}/ops/api/sw`, { headers: { authorization: `Bearer ${tokens[0]}` } })).status, 200);
    });

    it('should take the kill switch turned on through one node to every node, and back', async () => {
      const token = fs.readFileSync(path.join(node(0).dataDir, 'ops-token'), 'utf8').trim();
      const killed = async (url: string) => ((await (await fetch(`${url}/sw-status.json`)).json()) as { killed: boolean }).killed;
      for (const [action, state] of [['kill', true], ['revive', false]] as const) {
        const res = await fetch(`${node(0).url}/ops/api/sw/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        assert.equal(res.status, 200);
        for (const n of cluster.nodes) await waitUntil(async () => (await killed(n.url)) === state, `${action} on node ${n.name}`, { limitMs: PROPAGATION_LIMIT_MS });
      }
    });

    it('should serve a release deployed from one machine on every node, whole', async () => {
      const current = readPointer(distLayout.appPointer(cluster.distDir, 'checkout'));
      // `npm run deploy -- checkout` from one machine: build, activate, publish the release to the store.
      const deploy = runBuildCommand('deploy', ['checkout'], { DIST_DIR: cluster.distDir, DATABASE_URL: cluster.databaseUrl, RELEASE_LABEL: 'cluster-second' });
      assert.equal(deploy.status, 0, deploy.output);
      const next = readPointer(distLayout.appPointer(cluster.distDir, 'checkout'));
      assert.ok(next && next !== current, 'the deploy made a new checkout build');
      for (const n of cluster.nodes) {
        await waitUntil(async () => (await (await fetch(`${n.url}/cart`)).text()).includes(`/static/apps/checkout/${next}/`), `the deploy on node ${n.name}`, { limitMs: PROPAGATION_LIMIT_MS });
        const ready = (await (await fetch(`${n.url}/readyz`)).json()) as { checks: { release: { detail: string } } };
        assert.ok(ready.checks.release.detail.includes(next), ready.checks.release.detail);
        // The worker is the same release's: its precache names the new build, never the old one.
        const worker = await (await fetch(`${n.url}/sw.js`)).text();
        assert.ok(worker.includes(`/static/apps/checkout/${next}/`) && !worker.includes(`/static/apps/checkout/${current}/`), `node ${n.name} worker`);
      }
    });

    it('should show a price changed with plain SQL in every node\'s search and product answers', async () => {
      const { db } = cluster.store;
      const product = await db.selectFrom('products').select(['id', 'title', 'price', 'mrp']).where('price', '>', 100).orderBy('id').limit(1).executeTakeFirstOrThrow();
      const price = Number(product.price) - 7;
      // What an operator would type in psql: no shop code involved, on a connection of its own.
      await sql`update products set price = ${price} where id = ${product.id}`.execute(db);
      const query = encodeURIComponent(product.title.split(' ').slice(0, 3).join(' '));
      for (const n of cluster.nodes) {
        await waitUntil(
          async () => {
            const search = (await (await fetch(`${n.url}/api/catalog/search?q=${query}`)).json()) as { products: Array<{ id: string; price: number }> };
            const detail = (await (await fetch(`${n.url}/api/catalog/products/${product.id}`)).json()) as { price: number };
            return search.products.find((p) => p.id === product.id)?.price === price && detail.price === price;
          },
          `the new price of ${product.id} in node ${n.name}'s search and product answers`,
          { limitMs: PROPAGATION_LIMIT_MS },
        );
      }
    });

    it('should never oversell when buyers order the last units through different nodes at once', async () => {
      const { db } = cluster.store;
      const product = await db
        .selectFrom('products')
        .select(['id', 'price'])
        .where('id', 'not in', db.selectFrom('product_variants').select('product_id'))
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await db.updateTable('products').set({ stock: 3 }).where('id', '=', product.id).execute();
      const shoppers = await createShoppers(db, 9, { now: Date.now(), secureCookies: false });
      const answers = await Promise.all(
        shoppers.map((shopper, i) => {
          const [name, value] = shopper.cookie.split('=') as [string, string];
          const browser = new Browser(node(i % 3).url, new Map([[name, value]]));
          const body = { addressId: shopper.addressId, paymentMethod: 'cod', lines: [{ productId: product.id, variantId: '', quantity: 1, unitPrice: Number(product.price) }] };
          return browser.post('/api/orders', body, { 'idempotency-key': crypto.randomUUID() });
        }),
      );
      const placed = answers.filter((a) => a.status === 201);
      assert.equal(placed.length, 3, JSON.stringify(answers.map((a) => [a.status, a.body?.error?.code])));
      for (const refused of answers.filter((a) => a.status !== 201)) assert.equal(refused.status, 409, JSON.stringify(refused.body));
      const left = await db.selectFrom('products').select('stock').where('id', '=', product.id).executeTakeFirstOrThrow();
      assert.equal(Number(left.stock), 0);
    });

    it('should drain a node on SIGTERM with every request through nginx answered, and exit 0', async () => {
      let running = true;
      const statuses: number[] = [];
      const shopper = async () => {
        while (running) statuses.push((await fetch(`${cluster.url}/`)).status);
      };
      const load = Promise.all([shopper(), shopper(), shopper()]);
      // Some requests reach the node before it goes.
      await waitUntil(async () => statuses.length >= 30, 'requests before the drain', { limitMs: PROPAGATION_LIMIT_MS });
      const code = await node(2).process.stop(30_000);
      const during = statuses.length;
      await waitUntil(async () => statuses.length >= during + 30, 'requests after the drain', { limitMs: PROPAGATION_LIMIT_MS });
      running = false;
      await load;
      assert.equal(code, 0, node(2).process.log());
      assert.deepEqual([...new Set(statuses)], [200]);
    });
  });
}
