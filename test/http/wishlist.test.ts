import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../support/browser';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk, freshMobile, login } from './auth-client';

for (const kind of storeKinds()) {
  describe(`/api/wishlist (${kind})`, () => {
    let server: TestServer;
    let ids: string[];
    before(async () => {
      server = await startServer(kind);
      ids = (await server.store.db.selectFrom('products').select('id').orderBy('id').limit(4).execute()).map((row) => row.id);
    });
    after(() => server.close());

    it('should be for signed-in shoppers only', async () => {
      const guest = new Browser(server.url);
      assertError(await guest.get('/api/wishlist'), 401, 'login-required');
      assertError(await guest.send('PUT', `/api/wishlist/items/${ids[0]}`), 401, 'login-required');
    });

    it('should add, list newest first, and remove products', async () => {
      const browser = new Browser(server.url);
      await login(server, browser, freshMobile());
      assert.equal((await browser.send('PUT', `/api/wishlist/items/${ids[0]}`)).status, 201);
      server.clock.advance(1000);
      const second = await browser.send('PUT', `/api/wishlist/items/${ids[1]}`);
      assert.deepEqual(assertOk(second, 201).ids, [ids[1], ids[0]]);
      assert.equal((await browser.send('PUT', `/api/wishlist/items/${ids[1]}`)).status, 200, 'a second add changes nothing');
      const list = assertOk(await browser.get('/api/wishlist'));
      assert.deepEqual(list.products.map((p: any) => p.id), [ids[1], ids[0]]);
      assert.ok(list.products[0].title && list.products[0].image.url);
      assert.deepEqual(assertOk(await browser.send('DELETE', `/api/wishlist/items/${ids[1]}`)).ids, [ids[0]]);
      assert.deepEqual(assertOk(await browser.get('/api/wishlist/ids')).ids, [ids[0]]);
    });

    it('should refuse unknown and malformed products', async () => {
      const browser = new Browser(server.url);
      await login(server, browser, freshMobile());
      assertError(await browser.send('PUT', '/api/wishlist/items/itm0000000000000'), 404, 'product-not-found');
      assertError(await browser.send('PUT', '/api/wishlist/items/nope'), 400, 'bad-request');
    });

    it('should merge the browser\'s guest wishlist into the account at login, and drop the cookie', async () => {
      const browser = new Browser(server.url);
      const mobile = freshMobile();
      await login(server, browser, mobile);
      assertOk(await browser.send('PUT', `/api/wishlist/items/${ids[3]}`), 201);
      const guest = new Browser(server.url);
      guest.cookies.set('sf_wishlist', [ids[2], 'junk', ids[3], 'itm0000000000000'].join('.'));
      server.clock.advance(60_000);
      await login(server, guest, mobile);
      assert.equal(guest.cookies.has('sf_wishlist'), false);
      assert.ok(guest.setCookies.some((line) => /^sf_wishlist=;/.test(line) && /Max-Age=0/.test(line)));
      assert.deepEqual(new Set(assertOk(await guest.get('/api/wishlist/ids')).ids), new Set([ids[2], ids[3]]));
    });
  });
}
