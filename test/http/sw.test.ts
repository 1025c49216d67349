/**
 * The service worker over HTTP: `/sw.js` is the built worker with the current release prepended
 * (precache list with revisions, route tables), its bytes change when one app is deployed, shells
 * have stable precache URLs, the web app manifest and icons, and the kill switch from the CLI and
 * from /ops, on every store.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SwRelease } from '../../shared/sw-release';
import { rootDir } from '../../webpack/paths';
import { runBuildCommand } from '../support/build-runner';
import { startServer, storeKinds, type TestServer } from '../support/server';

/** The release the server prepended to the worker. */
function releaseOf(worker: string): SwRelease {
  const match = /^self\.__SF_RELEASE__=(.*);\n/.exec(worker);
  assert.ok(match, 'the worker starts with the release');
  return JSON.parse(match[1]!) as SwRelease;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  // A synchronous spawn (build, CLI) held this process's timers back: let them run first, so the
  // server's expired keep-alive timer closes its idle connection before a request could reuse it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  assert.ok(done(value), `timed out waiting for ${what}`);
  return value;
}

let dist: string;
before(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-sw-dist-'));
  const build = runBuildCommand('build', [], { DIST_DIR: dist, RELEASE_LABEL: 'first' });
  assert.equal(build.status, 0, build.output);
});
after(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('/sw.js', () => {
  let server: TestServer;
  const worker = async () => (await fetch(`${server.url}/sw.js`)).text();

  before(async () => {
    server = await startServer('sqlite', { env: { DIST_DIR: dist } });
  });
  after(() => server?.close());

  it('should be the built worker, no-cache, allowed the whole site, as JavaScript', async () => {
    const res = await fetch(`${server.url}/sw.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('service-worker-allowed'), '/');
    assert.match(res.headers.get('content-security-policy') ?? '', /connect-src 'self'/);
    const text = await res.text();
    const built = fs.readdirSync(path.join(dist, 'sw')).find((name) => name !== 'current.json')!;
    assert.ok(text.endsWith(fs.readFileSync(path.join(dist, 'sw', built, 'sw.js'), 'utf8')), 'the built code follows the prefix unchanged');
  });

  it('should precache vendors, every bundle and shell, the offline page and the icons, with revisions', async () => {
    const release = releaseOf(await worker());
    assert.equal(release.killed, false);
    const urls = release.precache.map((entry) => entry.url);
    assert.equal(new Set(urls).size, urls.length, 'each URL once');
    assert.ok(urls.some((url) => /^\/static\/vendors\/[a-f0-9]+\/vendors\.[a-f0-9]+\.js$/.test(url)), 'vendors JS');
    for (const app of ['home-browse-product', 'checkout', 'accounts']) {
      assert.ok(urls.some((url) => url.startsWith(`/static/apps/${app}/`) && url.endsWith('.js')), `${app} JS`);
      assert.ok(urls.some((url) => url.startsWith(`/static/apps/${app}/`) && url.endsWith('.css')), `${app} CSS`);
    }
    for (const shell of ['home-browse-product/home', 'home-browse-product/search', 'home-browse-product/browse', 'home-browse-product/product', 'checkout/cart', 'checkout/checkout-address', 'checkout/checkout-summary', 'checkout/checkout-payment', 'checkout/checkout-confirmation', 'checkout/checkout', 'accounts/accounts']) {
      const entry = release.precache.find((e) => e.url === `/__shells/${shell}`);
      assert.match(entry?.revision ?? '', /^[a-f0-9]{16}$/, shell);
    }
    assert.match(release.precache.find((e) => e.url === '/offline.html')?.revision ?? '', /^[a-f0-9]{16}$/);
    assert.equal(release.precache.filter((e) => e.url.startsWith('/icons/')).length, 5);
    for (const entry of release.precache) if (entry.url.startsWith('/static/')) assert.equal(entry.revision, null, 'hashed URLs are their own version');
    assert.deepEqual(release.tables.map((table) => table.app), ['checkout', 'accounts', 'home-browse-product']);
    // Every precached URL answers.
    for (const url of urls) assert.equal((await fetch(server.url + url)).status, 200, url);
  });

  it('should answer each shell at its stable URL with a fresh nonce and the shell CSP', async () => {
    const first = await fetch(`${server.url}/__shells/home-browse-product/product`);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('content-security-policy') ?? '', /script-src 'nonce-[^']+' 'strict-dynamic'/);
    const html = await first.text();
    assert.match(html, /data-shell="product"/);
    assert.match(html, /<link rel="manifest" href="\/manifest\.webmanifest">/);
    assert.match(html, /<link rel="apple-touch-icon" href="\/apple-touch-icon\.png">/);
    assert.equal((await fetch(`${server.url}/__shells/nope/product`)).status, 404);
  });

  it('should change its bytes when one app is deployed, and only that app\'s entries', async () => {
    const before = await worker();
    const deploy = runBuildCommand('deploy', ['checkout'], { DIST_DIR: dist, RELEASE_LABEL: 'second' });
    assert.equal(deploy.status, 0, deploy.output);
    const after = await waitFor(worker, (text) => text !== before, 'a new /sw.js');
    const entriesOf = (worker: string) => new Map(releaseOf(worker).precache.map((e) => [e.url, e.revision]));
    const oldEntries = entriesOf(before);
    const newEntries = entriesOf(after);
    const changed = [...newEntries].filter(([url, revision]) => oldEntries.get(url) !== revision || !oldEntries.has(url)).map(([url]) => url);
    assert.ok(changed.length > 0);
    for (const url of changed) assert.match(url, /^\/(static\/apps\/checkout\/|__shells\/checkout\/)/, url);
  });

  it('should serve the offline page in the shop\'s layout, without scripts', async () => {
    const res = await fetch(`${server.url}/offline.html`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await res.text();
    assert.match(html, /class="shop-header"/);
    assert.match(html, /You are offline/);
    assert.doesNotMatch(html, /<script/);
  });

  it('should keep the test-only request counter off by default', async () => {
    assert.equal((await fetch(`${server.url}/__test/requests`)).status, 404);
  });
});

describe('/manifest.webmanifest', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer('sqlite', { env: { DIST_DIR: dist } });
  });
  after(() => server?.close());

  it('should make the shop installable: names, colours, standalone, start URL, scope, icons, shortcuts', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    const manifest = (await res.json()) as Record<string, any>;
    assert.equal(manifest.short_name, 'Storefront');
    assert.ok(manifest.name && manifest.description);
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, '/?source=pwa');
    assert.equal(manifest.scope, '/');
    assert.equal(manifest.id, '/');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/);
    assert.match(manifest.background_color, /^#[0-9a-f]{6}$/);
    const icons = manifest.icons as Array<{ src: string; sizes: string; purpose: string; type: string }>;
    for (const [sizes, purpose] of [['192x192', 'any'], ['512x512', 'any'], ['192x192', 'maskable'], ['512x512', 'maskable']]) {
      const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose);
      assert.ok(icon, `${sizes} ${purpose}`);
      const png = await fetch(server.url + icon.src);
      assert.equal(png.status, 200);
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.equal(png.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      const bytes = Buffer.from(await png.arrayBuffer());
      assert.equal(bytes.readUInt32BE(16), Number(sizes!.split('x')[0]), 'PNG width');
    }
    assert.deepEqual(manifest.shortcuts.map((s: { url: string }) => new URL(s.url, server.url).pathname), ['/search', '/cart']);
    const apple = await fetch(`${server.url}/apple-touch-icon.png`);
    assert.equal(apple.status, 200);
    assert.equal(Buffer.from(await apple.arrayBuffer()).readUInt32BE(16), 180);
    assert.equal((await fetch(`${server.url}/icons/icons.json`)).status, 404, 'only the icons themselves are served');
  });
});

for (const kind of storeKinds()) {
  describe(`kill switch (${kind})`, () => {
    let server: TestServer;
    let token: string;
    const status = async () => ((await (await fetch(`${server.url}/sw-status.json`)).json()) as { killed: boolean }).killed;
    const workerKilled = async () => releaseOf(await (await fetch(`${server.url}/sw.js`)).text()).killed;

    /** `npm run sw -- <command>` against the server's own store. */
    const cli = (command: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: server.config.dataDir, LOG_LEVEL: 'silent' };
      if (server.config.databaseUrl) Object.assign(env, { DATABASE_URL: server.config.databaseUrl, DATABASE_SCHEMA: server.config.databaseSchema });
      else delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'server/pwa/sw-cli.ts'), command], { cwd: rootDir, env, encoding: 'utf8' });
      return { status: result.status, output: result.stdout + result.stderr };
    };

    before(async () => {
      server = await startServer(kind, { env: { DIST_DIR: dist } });
      // Reading the flag also creates the operator token file on first use.
      await fetch(`${server.url}/ops/api/sw`);
      token = fs.readFileSync(path.join(server.config.dataDir, 'ops-token'), 'utf8').trim();
    });
    after(() => server?.close());

    it('should be off by default, with a no-store flag pages can read', async () => {
      const res = await fetch(`${server.url}/sw-status.json`);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await res.json(), { killed: false });
      assert.equal(await workerKilled(), false);
    });

    it('should turn on and off from the CLI, and the running server follow within seconds', async () => {
      const kill = cli('kill');
      assert.equal(kill.status, 0, kill.output);
      assert.match(kill.output, /kill switch: ON/);
      await waitFor(status, (killed) => killed, 'the flag');
      assert.equal(await workerKilled(), true, '/sw.js is the kill worker');
      const worker = releaseOf(await (await fetch(`${server.url}/sw.js`)).text());
      assert.deepEqual(worker.precache, [], 'the kill worker precaches nothing');
      assert.match(cli('status').output, /ON/);

      const revive = cli('revive');
      assert.equal(revive.status, 0, revive.output);
      await waitFor(status, (killed) => !killed, 'the flag');
      assert.equal(await workerKilled(), false);
    });

    it('should refuse an unknown CLI command with its usage', () => {
      const result = cli('explode');
      assert.notEqual(result.status, 0);
      assert.match(result.output, /Usage: npm run sw -- kill \| revive \| status/);
    });

    it('should turn on and off from /ops for operators only', async () => {
      const post = (action: string, headers: Record<string, string> = {}) => fetch(`${server.url}/ops/api/sw/${action}`, { method: 'POST', headers });
      const anonymous = await post('kill');
      assert.equal(anonymous.status, 401);
      assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'operator-required');
      assert.equal((await post('kill', { authorization: 'Bearer wrong-token-wrong-token-wrong' })).status, 401);
      assert.equal(await status(), false);

      const kill = await post('kill', { authorization: `Bearer ${token}` });
      assert.equal(kill.status, 200);
      assert.deepEqual(await kill.json(), { killed: true });
      assert.equal(await status(), true, 'this server follows at once');
      assert.equal(await workerKilled(), true);

      const crossSite = await post('revive', { authorization: `Bearer ${token}`, 'sec-fetch-site': 'cross-site' });
      assert.equal(crossSite.status, 403);
      const revive = await post('revive', { authorization: `Bearer ${token}` });
      assert.deepEqual(await revive.json(), { killed: false });
      assert.equal(await status(), false);
    });
  });
}
