/**
 * What a stranger who knows a shopper's number can do to the shopper's login (issue 10, item 3):
 * codes belong to the browser that asked, so another browser can neither replace the owner's code,
 * use up the owner's sends, nor lock the owner out; many browsers together are still capped, and
 * the owner's own browsers (known from a past login) are never held up by that cap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { Browser } from '../support/browser';
import { assertError, assertOk, freshMobile, lastCode, login, outbox, wrongCode } from './auth-client';

const MINUTE = 60_000;

for (const kind of storeKinds()) {
  describe(`strangers and one-time codes (${kind})`, () => {
    let server: TestServer;
    const browser = () => new Browser(server.url);

    before(async () => {
      server = await startServer(kind, { seedProducts: 30, env: { AUTH_IP_SENDS_PER_HOUR: '100000' } });
    });
    after(async () => {
      await server?.close();
    });

    it("should keep the owner's code alive while a stranger asks for codes to the same number", async () => {
      const mobile = freshMobile();
      const owner = browser();
      assertOk(await owner.post('/api/auth/identify', { mobile }));
      const code = lastCode(server, `+91${mobile}`);
      const device = owner.cookies.get('__Host-sf_device');
      assert.match(device ?? '', /^[A-Za-z0-9_-]{43}$/);
      const stranger = browser();
      for (let i = 0; i < 5; i += 1) {
        assertOk(await stranger.post('/api/auth/identify', { mobile }));
        server.clock.advance(31_000);
      }
      assertError(await stranger.post('/api/auth/identify', { mobile }), 429, 'rate-limited');
      // The owner's browser still has its own sends, and the first code still works.
      assert.equal(assertOk(await owner.post('/api/auth/otp/verify', { mobile, code })).status, 'signed-up');
    });

    it("should lock the stranger's browser, not the owner's, after wrong codes", async () => {
      const mobile = freshMobile();
      const owner = browser();
      assertOk(await owner.post('/api/auth/identify', { mobile }));
      const ownerCode = lastCode(server, `+91${mobile}`);
      const stranger = browser();
      for (let round = 0; round < 2; round += 1) {
        assertOk(await stranger.post('/api/auth/identify', { mobile }));
        const strangerCode = lastCode(server, `+91${mobile}`);
        for (let i = 0; i < 5; i += 1) await stranger.post('/api/auth/otp/verify', { mobile, code: wrongCode(strangerCode) });
        server.clock.advance(31_000);
      }
      // The owner's code is no use to the stranger, who is locked anyway.
      assertError(await stranger.post('/api/auth/otp/verify', { mobile, code: ownerCode }), 429, 'login-locked');
      assert.equal(assertOk(await owner.post('/api/auth/otp/verify', { mobile, code: ownerCode })).status, 'signed-up');
    });

    it("should cap guessing by many browsers without locking out the owner's known browser", async () => {
      const mobile = freshMobile();
      const owner = browser();
      await login(server, owner, mobile);
      assertOk(await owner.post('/api/auth/logout'), 204);
      server.clock.advance(MINUTE);
      // Three strangers, five wrong codes each: more than the number allows over all browsers.
      for (let s = 0; s < 3; s += 1) {
        const stranger = browser();
        assertOk(await stranger.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        for (let i = 0; i < 5; i += 1) await stranger.post('/api/auth/otp/verify', { mobile, code: wrongCode(code) });
      }
      // A fourth browser, never used before, is held up even with the right code…
      const newcomer = browser();
      assertOk(await newcomer.post('/api/auth/identify', { mobile }));
      const locked = await newcomer.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) });
      assertError(locked, 429, 'login-locked');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      // …while the owner's browser, which logged in before, gets in.
      assertOk(await owner.post('/api/auth/identify', { mobile }));
      assert.equal(assertOk(await owner.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) })).status, 'logged-in');
      // The owner's login cleared the number's count: the newcomer may try again.
      server.clock.advance(31_000);
      assertOk(await newcomer.post('/api/auth/identify', { mobile }));
      assert.equal(assertOk(await newcomer.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) })).status, 'logged-in');
    });

    it("should cap a number's codes over all new browsers, but not the owner's", async () => {
      const mobile = freshMobile();
      const owner = browser();
      await login(server, owner, mobile);
      server.clock.advance(MINUTE);
      const sent = outbox(server).filter((m) => m.to === `+91${mobile}`).length;
      for (let i = 0; i < 9; i += 1) assertOk(await browser().post('/api/auth/identify', { mobile }));
      const refused = await browser().post('/api/auth/identify', { mobile });
      assertError(refused, 429, 'rate-limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      assert.equal(outbox(server).filter((m) => m.to === `+91${mobile}`).length, sent + 9);
      assertOk(await owner.post('/api/auth/step-up/start'));
      assertOk(await owner.post('/api/auth/logout'), 204);
      server.clock.advance(31_000);
      assertOk(await owner.post('/api/auth/identify', { mobile }));
      assert.equal(assertOk(await owner.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) })).status, 'logged-in');
    });

    it('should give a code only to a browser with a device cookie', async () => {
      const mobile = freshMobile();
      const b = browser();
      assertOk(await b.post('/api/auth/identify', { mobile }));
      const code = lastCode(server, `+91${mobile}`);
      const cookie = b.setCookies.find((c) => c.startsWith('__Host-sf_device='))!;
      const parts = cookie.split(/;\s*/).slice(1).map((p) => p.toLowerCase());
      for (const part of ['httponly', 'secure', 'samesite=lax', 'path=/']) assert.ok(parts.includes(part), cookie);
      assert.ok(!parts.some((p) => p.startsWith('domain')), cookie);
      b.cookies.delete('__Host-sf_device');
      assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'otp-expired');
      b.cookies.set('__Host-sf_device', 'not-a-device-id');
      assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'otp-expired');
    });
  });
}
