/** `/healthz` and `/readyz` (issue 16): alive, ready, and not ready while draining, saying why. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';

for (const kind of storeKinds()) {
  describe(`health (${kind})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(kind, { seedProducts: 20 });
    });
    after(() => server.close());

    it('should say the process is alive', async () => {
      const res = await fetch(`${server.url}/healthz`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(((await res.json()) as { status: string }).status, 'alive');
    });

    it('should be ready with the store answering and a release loaded, naming the release', async () => {
      const res = await fetch(`${server.url}/readyz`);
      const body = (await res.json()) as { status: string; failed: string[]; checks: Record<string, { ok: boolean; detail?: string }> };
      assert.equal(res.status, 200);
      assert.equal(body.status, 'ready');
      assert.deepEqual(body.failed, []);
      assert.ok(body.checks.store?.ok);
      assert.ok(body.checks.release?.ok && body.checks.release.detail);
      assert.equal(body.checks.redis, undefined);
    });

    it('should answer 503 naming the check once the node drains, and stay alive', async () => {
      server.shop.drain();
      const res = await fetch(`${server.url}/readyz`);
      const body = (await res.json()) as { status: string; failed: string[] };
      assert.equal(res.status, 503);
      assert.equal(body.status, 'not-ready');
      assert.deepEqual(body.failed, ['draining']);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });
  });
}
