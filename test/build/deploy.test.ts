/**
 * Separately deployable apps: deploying one app writes nothing of any other app or of the vendors
 * build, and a running server switches to the new release on its own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runBuildCommand, snapshot } from '../support/build-runner';
import { startServer, type TestServer } from '../support/server';

const appScript = (html: string): string => /<script src="([^"]+\/apps\/checkout\/[^"]+\.js)"/.exec(html)?.[1] ?? '';

describe('npm run deploy -- checkout', () => {
  let dist: string;
  let server: TestServer;

  before(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-dist-'));
    const build = runBuildCommand('build', [], { DIST_DIR: dist, RELEASE_LABEL: 'first' });
    assert.equal(build.status, 0, build.output);
    server = await startServer('sqlite', { env: { DIST_DIR: dist } });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('should change no byte of the other apps or the vendors, and switch the live server', async () => {
    const others = ['vendors', 'apps/home-browse-product', 'apps/accounts'];
    const before = others.map((dir) => snapshot(path.join(dist, dir)));
    const checkoutBefore = snapshot(path.join(dist, 'apps/checkout'));
    const oldScript = appScript(await (await fetch(`${server.url}/cart`)).text());
    assert.ok(oldScript, 'the cart shell loads a checkout bundle');

    const deploy = runBuildCommand('deploy', ['checkout'], { DIST_DIR: dist, RELEASE_LABEL: 'second' });
    assert.equal(deploy.status, 0, deploy.output);
    const buildId = /deployed checkout ([a-f0-9]+)/.exec(deploy.output)?.[1];
    assert.ok(buildId, deploy.output);

    others.forEach((dir, i) => assert.deepEqual(snapshot(path.join(dist, dir)), before[i], `${dir} is untouched`));
    const checkoutAfter = snapshot(path.join(dist, 'apps/checkout'));
    for (const [file, hash] of checkoutBefore) {
      if (file !== 'current.json') assert.equal(checkoutAfter.get(file), hash, `the previous release's ${file} is kept`);
    }

    // The server notices the new pointer by itself: no restart, no signal.
    let newScript = oldScript;
    for (let i = 0; i < 100 && newScript === oldScript; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      newScript = appScript(await (await fetch(`${server.url}/cart`)).text());
    }
    assert.notEqual(newScript, oldScript);
    assert.ok(newScript.includes(`/apps/checkout/${buildId}/`), newScript);
    const bundle = await fetch(server.url + newScript);
    assert.equal(bundle.status, 200);
    assert.match(await bundle.text(), /second/, 'the new bundle carries its release label');
    // Pages of other apps still load their unchanged bundles.
    const home = await (await fetch(`${server.url}/`)).text();
    assert.match(home, /\/apps\/home-browse-product\//);
  });

  it('should refuse to build an app when no vendors build exists, saying what to run', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-empty-'));
    try {
      const result = runBuildCommand('build', ['--app', 'checkout'], { DIST_DIR: empty });
      assert.notEqual(result.status, 0);
      assert.match(result.output, /No vendors build is active: run `npm run build`/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('should refuse an unknown app name with the list of apps', () => {
    const result = runBuildCommand('deploy', ['shop'], { DIST_DIR: dist });
    assert.notEqual(result.status, 0);
    assert.match(result.output, /Unknown app "shop"\. Apps: home-browse-product, checkout, accounts, or vendors/);
  });
});
