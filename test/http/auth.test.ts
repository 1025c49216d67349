/** The OTP login over HTTP, on every store: codes, limits, lockout, sessions, cookies, CSRF, bad input. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk, freshMobile, lastCode, login, outbox, wrongCode } from './auth-client';
import { Browser } from '../support/browser';

const MINUTE = 60_000;

for (const kind of storeKinds()) {
  describe(`auth API (${kind})`, () => {
    let server: TestServer;
    const browser = () => new Browser(server.url);

    before(async () => {
      server = await startServer(kind, { seedProducts: 60, env: { PUBLIC_HOST: 'shop.test', AUTH_IP_SENDS_PER_HOUR: '100000' } });
    });
    after(async () => {
      await server.close();
    });

    describe('POST /api/auth/identify', () => {
      it('should answer known and unknown numbers alike and text a 6-digit code with the WebOTP line', async () => {
        const known = freshMobile();
        await login(server, browser(), known);
        server.clock.advance(MINUTE);
        const unknown = freshMobile();
        const a = assertOk(await browser().post('/api/auth/identify', { mobile: known }));
        const b = assertOk(await browser().post('/api/auth/identify', { mobile: unknown }));
        assert.deepEqual({ ...a, mobileMasked: '' }, { ...b, mobileMasked: '' });
        assert.deepEqual(Object.keys(a).sort(), ['expiresInSec', 'mobileMasked', 'otpSent', 'resendAfterSec']);
        assert.deepEqual([a.otpSent, a.resendAfterSec, a.expiresInSec], [true, 30, 300]);
        assert.equal(b.mobileMasked, `+91******${unknown.slice(-4)}`);
        const sms = outbox(server).at(-1)!;
        assert.equal(sms.to, `+91${unknown}`);
        assert.equal(typeof sms.at, 'number');
        const code = lastCode(server, `+91${unknown}`);
        assert.equal(sms.body, `${code} is your Storefront verification code. It expires in 5 minutes. Do not share it with anyone.\n\n@shop.test #${code}`);
      });

      it('should accept +91, 91 and 0 prefixes and store one normalised number', async () => {
        const mobile = freshMobile();
        const first = browser();
        assertOk(await first.post('/api/auth/identify', { mobile: `+91 ${mobile.slice(0, 5)} ${mobile.slice(5)}` }));
        const signedUp = assertOk(await first.post('/api/auth/otp/verify', { mobile: `0${mobile}`, code: lastCode(server, `+91${mobile}`) }));
        assert.equal(signedUp.status, 'signed-up');
        assert.equal(signedUp.account.mobile, `+91${mobile}`);
        server.clock.advance(MINUTE);
        const again = browser();
        assertOk(await again.post('/api/auth/identify', { mobile: `91${mobile}` }));
        const loggedIn = assertOk(await again.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        assert.equal(loggedIn.status, 'logged-in');
        assert.equal(loggedIn.account.id, signedUp.account.id);
      });
    });

    describe('OTP rules', () => {
      it('should refuse a code after 5 minutes', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        server.clock.advance(5 * MINUTE);
        assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'otp-expired');
        assert.equal(b.session(), undefined);
      });

      it('should take a code just before it expires, and only once', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        server.clock.advance(5 * MINUTE - 1000);
        assertOk(await b.post('/api/auth/otp/verify', { mobile, code }));
        assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'otp-expired');
      });

      it('should bind a code to its number and its purpose', async () => {
        const mobile = freshMobile();
        const other = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        assertOk(await b.post('/api/auth/identify', { mobile: other }));
        const code = lastCode(server, `+91${mobile}`);
        const verdict = await b.post('/api/auth/otp/verify', { mobile: other, code });
        assert.equal(verdict.status, 400);
        assert.ok(['otp-invalid'].includes(verdict.body.error.code) || code === lastCode(server, `+91${other}`));
        // A login code is no reset code.
        server.clock.advance(MINUTE);
        assertOk(await b.post('/api/auth/identify', { mobile }));
        assertError(await b.post('/api/auth/forgot/verify', { mobile, code: lastCode(server, `+91${mobile}`) }), 400, 'otp-expired');
        // And it belongs to the browser that asked for it: another browser has no code to try.
        assertError(await browser().post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }), 400, 'otp-expired');
      });

      it('should refuse a resend within 30 s, then replace the old code', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const first = lastCode(server, `+91${mobile}`);
        server.clock.advance(10_000);
        const early = await b.post('/api/auth/otp/resend', { mobile, purpose: 'login' });
        assertError(early, 429, 'otp-resend-cooldown');
        assert.equal(early.headers.get('retry-after'), '20');
        assert.equal(outbox(server).filter((m) => m.to === `+91${mobile}`).length, 1);
        server.clock.advance(20_000);
        assertOk(await b.post('/api/auth/otp/resend', { mobile, purpose: 'login' }));
        const second = lastCode(server, `+91${mobile}`);
        if (second !== first) {
          assertError(await b.post('/api/auth/otp/verify', { mobile, code: first }), 400, 'otp-invalid');
        }
        assert.equal(assertOk(await b.post('/api/auth/otp/verify', { mobile, code: second })).status, 'signed-up');
      });

      it('should send at most 5 codes per number per hour to one browser', async () => {
        const mobile = freshMobile();
        const b = browser();
        for (let i = 0; i < 5; i += 1) {
          assertOk(await b.post(i % 2 ? '/api/auth/forgot/start' : '/api/auth/identify', { mobile }));
          server.clock.advance(31_000);
        }
        const refused = await b.post('/api/auth/identify', { mobile });
        const details = assertError(refused, 429, 'rate-limited');
        const retry = Number(refused.headers.get('retry-after'));
        assert.equal(retry, 3600 - 5 * 31);
        assert.equal(details.retryAfterSec, retry);
        assert.equal(outbox(server).filter((m) => m.to === `+91${mobile}`).length, 5);
        server.clock.advance(retry * 1000);
        assertOk(await b.post('/api/auth/identify', { mobile }));
      });

      it('should void a code after 5 wrong tries, even for the right code afterwards', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        for (let left = 4; left >= 1; left -= 1) {
          assert.deepEqual(assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(code) }), 400, 'otp-invalid'), { attemptsLeft: left });
        }
        assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(code) }), 400, 'otp-attempts-exceeded');
        server.clock.advance(30_000);
        assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'otp-attempts-exceeded');
      });

      it('should lock a number in a browser with growing delays after consecutive failures, and clear on success', async () => {
        const mobile = freshMobile();
        await login(server, browser(), mobile);
        const b = browser();
        server.clock.advance(MINUTE);
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        for (let i = 0; i < 5; i += 1) await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(code) });
        const locked = await b.post('/api/auth/otp/verify', { mobile, code });
        assertError(locked, 429, 'login-locked');
        assert.equal(locked.headers.get('retry-after'), '30');

        server.clock.advance(30_000);
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const next = lastCode(server, `+91${mobile}`);
        assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(next) }), 400, 'otp-invalid');
        const longer = await b.post('/api/auth/otp/verify', { mobile, code: next });
        assertError(longer, 429, 'login-locked');
        assert.equal(longer.headers.get('retry-after'), '60');

        server.clock.advance(60_000);
        assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(next) }), 400, 'otp-invalid');
        const longest = await b.post('/api/auth/otp/verify', { mobile, code: next });
        assert.equal(longest.headers.get('retry-after'), '120');

        server.clock.advance(120_000);
        assert.equal(assertOk(await b.post('/api/auth/otp/verify', { mobile, code: next })).status, 'logged-in');
        server.clock.advance(MINUTE);
        assertOk(await b.post('/api/auth/identify', { mobile }));
        for (let i = 0; i < 4; i += 1) {
          assertError(await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(lastCode(server, `+91${mobile}`)) }), 400, 'otp-invalid');
        }
      });

      it('should lock unknown numbers the same way, so the lock tells nothing', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        const code = lastCode(server, `+91${mobile}`);
        for (let i = 0; i < 5; i += 1) await b.post('/api/auth/otp/verify', { mobile, code: wrongCode(code) });
        const locked = await b.post('/api/auth/otp/verify', { mobile, code });
        assertError(locked, 429, 'login-locked');
        assert.equal(locked.headers.get('retry-after'), '30');
      });
    });

    describe('sessions', () => {
      it('should set a __Host- cookie: HttpOnly, Secure, SameSite=Lax, Path=/, no Domain', async () => {
        const b = browser();
        await login(server, b, freshMobile());
        const cookie = b.setCookies.find((c) => c.startsWith('__Host-sf_session='))!;
        assert.ok(cookie, b.setCookies.join('\n'));
        const parts = cookie.split(/;\s*/).slice(1).map((p) => p.toLowerCase());
        assert.ok(parts.includes('httponly'));
        assert.ok(parts.includes('secure'));
        assert.ok(parts.includes('samesite=lax'));
        assert.ok(parts.includes('path=/'));
        assert.ok(!parts.some((p) => p.startsWith('domain')));
        assert.match(b.session()!, /^[A-Za-z0-9_-]{43}$/);
      });

      it('should store only a hash of the session id', async () => {
        const b = browser();
        await login(server, b, freshMobile());
        const rows = await server.store.db.selectFrom('sessions').select('id_hash').execute();
        assert.ok(rows.every((r) => r.id_hash !== b.session()));
        assert.ok(rows.some((r) => /^[0-9a-f]{64}$/.test(r.id_hash)));
      });

      it('should give a new id on every login and end the old one', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        const first = b.session()!;
        server.clock.advance(MINUTE);
        await login(server, b, mobile);
        assert.notEqual(b.session(), first);
        assertOk(await b.get('/api/account/me'));
        const stale = new Browser(server.url);
        stale.cookies.set('__Host-sf_session', first);
        assertError(await stale.get('/api/account/me'), 401, 'login-required');
      });

      it('should end a session after 7 idle days', async () => {
        const b = browser();
        await login(server, b, freshMobile());
        server.clock.advance(7 * 24 * 60 * MINUTE - MINUTE);
        assertOk(await b.get('/api/account/me'));
        server.clock.advance(7 * 24 * 60 * MINUTE - MINUTE);
        assertOk(await b.get('/api/account/me'));
        server.clock.advance(7 * 24 * 60 * MINUTE);
        assertError(await b.get('/api/account/me'), 401, 'login-required');
      });

      it('should end an active session 30 days after login', async () => {
        const b = browser();
        await login(server, b, freshMobile());
        for (let day = 0; day < 29; day += 1) {
          server.clock.advance(24 * 60 * MINUTE);
          assertOk(await b.get('/api/account/me'));
        }
        server.clock.advance(24 * 60 * MINUTE);
        assertError(await b.get('/api/account/me'), 401, 'login-required');
      });

      it('should sign out one browser', async () => {
        const mobile = freshMobile();
        const phone = browser();
        const laptop = browser();
        await login(server, phone, mobile);
        server.clock.advance(MINUTE);
        await login(server, laptop, mobile);
        assert.equal((await phone.post('/api/auth/logout')).status, 204);
        assert.equal(phone.session(), undefined);
        assert.ok(phone.setCookies.at(-1)!.includes('Max-Age=0'));
        assertOk(await laptop.get('/api/account/me'));
      });

      it('should sign out every browser', async () => {
        const mobile = freshMobile();
        const phone = browser();
        const laptop = browser();
        await login(server, phone, mobile);
        server.clock.advance(MINUTE);
        await login(server, laptop, mobile);
        const laptopId = laptop.session()!;
        assert.equal((await phone.post('/api/auth/logout-all')).status, 204);
        assertError(await phone.get('/api/account/me'), 401, 'login-required');
        assertError(await laptop.get('/api/account/me'), 401, 'login-required');
        assert.equal(laptop.session(), laptopId);
        assertError(await browser().post('/api/auth/logout-all'), 401, 'login-required');
      });
    });

    describe('2-step verification and step-up', () => {
      it('should ask for a step-up after 10 minutes, then rotate the session and allow the change', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        server.clock.advance(10 * MINUTE);
        assertError(await b.post('/api/auth/password', { password: 'mango-lassi-42' }), 403, 'step-up-required');
        const started = assertOk(await b.post('/api/auth/step-up/start'));
        assert.equal(started.otpSent, true);
        const before = b.session();
        assertError(await b.post('/api/auth/step-up/verify', { code: wrongCode(lastCode(server, `+91${mobile}`)) }), 400, 'otp-invalid');
        assertOk(await b.post('/api/auth/step-up/verify', { code: lastCode(server, `+91${mobile}`) }));
        assert.notEqual(b.session(), before);
        const set = assertOk(await b.post('/api/auth/password', { password: 'mango-lassi-42' }));
        assert.equal(set.account.hasPassword, true);
      });

      it('should log in with OTP then password once a password is set, and end other sessions on change', async () => {
        const mobile = freshMobile();
        const b = browser();
        const other = browser();
        await login(server, b, mobile);
        server.clock.advance(MINUTE);
        await login(server, other, mobile);
        assertError(await other.post('/api/auth/password', { password: 'short' }), 400, 'weak-password');
        assertError(await other.post('/api/auth/password', { password: 'password123' }), 400, 'weak-password');
        assertOk(await other.post('/api/auth/password', { password: 'chai-and-samosa' }));
        assertError(await b.get('/api/account/me'), 401, 'login-required');
        assertOk(await other.get('/api/account/me'));

        server.clock.advance(MINUTE);
        const fresh = browser();
        assertOk(await fresh.post('/api/auth/identify', { mobile }));
        const half = assertOk(await fresh.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        assert.deepEqual(half, { status: 'password-required', expiresInSec: 300 });
        assertError(await fresh.get('/api/account/me'), 401, 'login-required');
        const halfId = fresh.session();
        assertError(await fresh.post('/api/auth/password/verify', { password: 'chai-and-samosas' }), 401, 'invalid-credentials');
        const done = assertOk(await fresh.post('/api/auth/password/verify', { password: 'chai-and-samosa' }));
        assert.equal(done.status, 'logged-in');
        assert.notEqual(fresh.session(), halfId);
        assertOk(await fresh.get('/api/account/me'));
        assertError(await browser().post('/api/auth/password/verify', { password: 'chai-and-samosa' }), 401, 'login-required');
      });

      it('should lock the password step after repeated wrong passwords', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        assertOk(await b.post('/api/auth/password', { password: 'rajma-chawal-99' }));
        server.clock.advance(MINUTE);
        const fresh = browser();
        assertOk(await fresh.post('/api/auth/identify', { mobile }));
        assertOk(await fresh.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        for (let i = 0; i < 5; i += 1) assertError(await fresh.post('/api/auth/password/verify', { password: `wrong-${i}-guess` }), 401, 'invalid-credentials');
        assertError(await fresh.post('/api/auth/password/verify', { password: 'rajma-chawal-99' }), 429, 'login-locked');
      });

      it('should turn 2-step verification off after a recent login', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        assertOk(await b.post('/api/auth/password', { password: 'idli-dosa-vada' }));
        server.clock.advance(MINUTE);
        // Another browser signed in with both factors…
        const other = browser();
        assertOk(await other.post('/api/auth/identify', { mobile }));
        assertOk(await other.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        assertOk(await other.post('/api/auth/password/verify', { password: 'idli-dosa-vada' }));
        assertOk(await other.get('/api/account/me'));
        const off = assertOk(await b.send('DELETE', '/api/auth/password'));
        assert.equal(off.account.hasPassword, false);
        // …is signed out when the second factor goes; this browser stays in.
        assertError(await other.get('/api/account/me'), 401, 'login-required');
        assertOk(await b.get('/api/account/me'));
      });
    });

    describe('forgotten password', () => {
      it('should give a reset-only session, then require a normal login with the new password', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        assertOk(await b.post('/api/auth/password', { password: 'old-password-1' }));
        server.clock.advance(MINUTE);

        const r = browser();
        const unknown = freshMobile();
        const a1 = assertOk(await r.post('/api/auth/forgot/start', { mobile }));
        const u = browser();
        const a2 = assertOk(await u.post('/api/auth/forgot/start', { mobile: unknown }));
        assert.deepEqual({ ...a1, mobileMasked: '' }, { ...a2, mobileMasked: '' });
        assertError(await u.post('/api/auth/forgot/verify', { mobile: unknown, code: lastCode(server, `+91${unknown}`) }), 404, 'no-account');

        assertOk(await r.post('/api/auth/forgot/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        assertError(await r.get('/api/account/me'), 401, 'login-required');
        assertError(await r.post('/api/auth/password', { password: 'new-password-2' }), 401, 'login-required');
        assertError(await r.post('/api/auth/forgot/reset', { password: '1234567' }), 400, 'weak-password');
        const before = outbox(server).filter((m) => m.to === `+91${mobile}`).length;
        assert.deepEqual(assertOk(await r.post('/api/auth/forgot/reset', { password: 'new-password-2' })), { status: 'password-reset' });
        assert.equal(r.session(), undefined);
        // The reset took only a code: the holder of the number hears of it, with no code to use.
        const notices = outbox(server).filter((m) => m.to === `+91${mobile}`).slice(before);
        assert.equal(notices.length, 1);
        assert.match(notices[0]!.body, /password of your Storefront account was just reset/);
        assert.doesNotMatch(notices[0]!.body, /#\d{6}|\d{6}/);
        assertError(await b.get('/api/account/me'), 401, 'login-required');

        server.clock.advance(MINUTE);
        assertOk(await r.post('/api/auth/identify', { mobile }));
        assertOk(await r.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        assertError(await r.post('/api/auth/password/verify', { password: 'old-password-1' }), 401, 'invalid-credentials');
        assertOk(await r.post('/api/auth/password/verify', { password: 'new-password-2' }));
      });

      it('should end the reset session after 10 minutes', async () => {
        const mobile = freshMobile();
        await login(server, browser(), mobile);
        server.clock.advance(MINUTE);
        const r = browser();
        assertOk(await r.post('/api/auth/forgot/start', { mobile }));
        assertOk(await r.post('/api/auth/forgot/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
        server.clock.advance(10 * MINUTE);
        assertError(await r.post('/api/auth/forgot/reset', { password: 'new-password-3' }), 401, 'login-required');
      });
    });

    describe('CSRF', () => {
      it('should refuse state changes started by another site, and let same-origin ones through', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        const sent = outbox(server).length;
        assertError(await browser().post('/api/auth/identify', { mobile }, { 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
        assertError(await browser().post('/api/auth/identify', { mobile }, { 'sec-fetch-site': 'same-site' }), 403, 'forbidden');
        const noFetchMeta = new Browser(server.url);
        assertError(await noFetchMeta.send('POST', '/api/auth/identify', { mobile }, { 'sec-fetch-site': '', origin: 'https://evil.example' }), 403, 'forbidden');
        assertError(await b.post('/api/auth/logout', undefined, { 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
        assertError(await b.post('/api/auth/logout-all', undefined, { 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
        assertError(await b.send('PATCH', '/api/account/profile', { name: 'Mallory' }, { 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
        assertError(await b.post('/api/account/addresses', {}, { origin: 'https://evil.example', 'sec-fetch-site': '' }), 403, 'forbidden');
        assert.equal(outbox(server).length, sent);
        assert.equal(assertOk(await b.get('/api/account/me')).account.name, null);
        server.clock.advance(MINUTE);
        const host = new URL(server.url).host;
        assertOk(await browser().post('/api/auth/identify', { mobile }, { 'sec-fetch-site': '', origin: `http://${host}` }));
        // A write with neither header is refused: only a page or an API client with a token sends none.
        assertError(await browser().post('/api/auth/forgot/start', { mobile }, { 'sec-fetch-site': '' }), 403, 'forbidden');
        assertError(await browser().post('/api/auth/forgot/start', { mobile }, { 'sec-fetch-site': '', origin: 'null' }), 403, 'forbidden');
        assertError(await browser().post('/api/auth/forgot/start', { mobile }, { 'sec-fetch-site': '', origin: `https://${host}` }), 403, 'forbidden');
      });

      it('should never change state on GET', async () => {
        const mobile = freshMobile();
        const b = browser();
        await login(server, b, mobile);
        const sent = outbox(server).length;
        for (const path of ['/api/auth/logout', '/api/auth/logout-all', '/api/auth/identify?mobile=' + mobile, '/api/auth/otp/resend']) {
          assertError(await b.get(path), 404, 'not-found');
        }
        assert.equal(outbox(server).length, sent);
        assertOk(await b.get('/api/account/me'));
      });
    });

    describe('guest cart', () => {
      it('should merge into the account cart on login, summing quantities up to the line maximum', async () => {
        const products = await server.store.db.selectFrom('products').select(['id', 'stock']).where('stock', '>=', 20).orderBy('id').limit(3).execute();
        const variantless = [];
        for (const p of products) {
          const variants = await server.store.db.selectFrom('product_variants').select('id').where('product_id', '=', p.id).execute();
          if (variants.length === 0) variantless.push(p.id);
        }
        const [first, second] = variantless;
        assert.ok(first && second, 'the seed has products without variants');
        const mobile = freshMobile();
        const phone = browser();
        await login(server, phone, mobile);
        const account = assertOk(await phone.get('/api/account/me')).account;
        const { ensureAccountCart } = await import('../../server/cart/cart-merge');
        const { addItem } = await import('../../server/cart/cart-store');
        const accountCart = await ensureAccountCart(server.store.db, account.id, server.clock.now);
        await addItem(server.store.db, accountCart, { productId: first, variantId: '', quantity: 7 }, server.clock.now);

        const guest = browser();
        assertOk(await guest.post('/api/cart/items', { productId: first, quantity: 6 }), 201);
        assertOk(await guest.post('/api/cart/items', { productId: second, quantity: 2 }), 201);
        assert.ok(guest.cookies.has('__Host-sf_cart'));
        server.clock.advance(MINUTE);
        await login(server, guest, mobile);
        assert.ok(!guest.cookies.has('__Host-sf_cart'));

        const lines = await server.store.db.selectFrom('cart_lines').select(['product_id', 'quantity']).where('cart_id', '=', accountCart).orderBy('product_id').execute();
        assert.deepEqual(
          lines.map((l) => [l.product_id, l.quantity]),
          [
            [first, 10],
            [second, 2],
          ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
        const carts = await server.store.db.selectFrom('carts').select('id').where('guest_token_hash', 'is not', null).execute();
        assert.ok(carts.every((c) => c.id !== accountCart));
      });

      it('should hand a guest cart to an account that has none', async () => {
        const product = await server.store.db.selectFrom('products').select('id').where('stock', '>', 2).where((eb) => eb.not(eb.exists(eb.selectFrom('product_variants').select('id').whereRef('product_variants.product_id', '=', 'products.id')))).executeTakeFirstOrThrow();
        const guest = browser();
        const cart = assertOk(await guest.post('/api/cart/items', { productId: product.id, quantity: 2 }), 201);
        assert.equal(cart.lines.length, 1);
        const done = await login(server, guest, freshMobile());
        const row = await server.store.db.selectFrom('carts').selectAll().where('account_id', '=', done.account.id).executeTakeFirstOrThrow();
        assert.equal(row.guest_token_hash, null);
        const lines = await server.store.db.selectFrom('cart_lines').select('quantity').where('cart_id', '=', row.id).execute();
        assert.deepEqual(lines.map((l) => l.quantity), [2]);
      });
    });

    describe('bad input', () => {
      it('should refuse malformed mobile numbers with invalid-mobile', async () => {
        for (const mobile of ['987654321', '98765432101', '98765abcde', 'nine876543', '5876543210', '0876543210', '1234567890', '+92 9876543210', '', ' ', '+91', '9'.repeat(200), 9876543210, null, true, ['9876543210'], { n: 1 }]) {
          for (const path of ['/api/auth/identify', '/api/auth/forgot/start', '/api/auth/otp/verify']) {
            assertError(await browser().post(path, { mobile, ...(path.endsWith('verify') ? { code: '123456' } : {}) }), 400, 'invalid-mobile');
          }
        }
        assertError(await browser().post('/api/auth/identify', {}), 400, 'invalid-mobile');
        assertError(await browser().post('/api/auth/identify'), 400, 'invalid-mobile');
      });

      it('should refuse empty and non-numeric codes without using up a try', async () => {
        const mobile = freshMobile();
        const b = browser();
        assertOk(await b.post('/api/auth/identify', { mobile }));
        for (const code of ['', ' ', '12345', '1234567', 'abcdef', '12 456', '１２３４５６', '-12345', '1e5000', 123456, null, undefined, ['123456']]) {
          assertError(await b.post('/api/auth/otp/verify', { mobile, code }), 400, 'invalid-code');
        }
        assertOk(await b.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
      });

      it('should answer 4xx with a stable code for broken bodies, never 500', async () => {
        const b = browser();
        assertError(await b.post('/api/auth/identify', { mobile: '9876543210', extra: 1 }), 400, 'bad-request');
        assertError(await b.post('/api/auth/identify', [1, 2]), 400, 'bad-request');
        assertError(await b.post('/api/auth/identify', '"9876543210"'), 400, 'bad-request');
        assertError(await b.post('/api/auth/identify', '{"mobile":'), 400, 'invalid-json');
        assertError(await b.post('/api/auth/identify', { mobile: '9'.repeat(70_000) }), 413, 'payload-too-large');
        assertError(await b.post('/api/auth/identify', 'mobile=9876543210', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
        assertError(await b.post('/api/auth/identify', 'mobile', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
        assertError(await b.post('/api/auth/otp/resend', { mobile: '9876543210', purpose: 'admin' }), 400, 'bad-request');
        assertError(await b.post('/api/auth/password/verify', { password: 42 }), 400, 'bad-request');
        assertError(await b.post('/api/auth/password/verify', { password: 'x'.repeat(2000) }), 400, 'bad-request');
        assertError(await b.post('/api/auth/nothing-here', {}), 404, 'not-found');
        const cookieJunk = new Browser(server.url);
        cookieJunk.cookies.set('__Host-sf_session', '%%%;;');
        assertError(await cookieJunk.get('/api/account/me'), 401, 'login-required');
      });
    });
  });
}

describe('auth API per-IP limit', () => {
  it('should refuse more OTP sends from one address than configured, over all numbers', async () => {
    const server = await startServer('sqlite', { seedProducts: 10, env: { AUTH_IP_SENDS_PER_HOUR: '3' } });
    try {
      for (let i = 0; i < 3; i += 1) assertOk(await new Browser(server.url).post('/api/auth/identify', { mobile: freshMobile() }));
      const refused = await new Browser(server.url).post('/api/auth/identify', { mobile: freshMobile() });
      assertError(refused, 429, 'rate-limited');
      assert.equal(refused.headers.get('retry-after'), '3600');
      assert.equal(outbox(server).length, 3);
      server.clock.advance(3600_000);
      assertOk(await new Browser(server.url).post('/api/auth/identify', { mobile: freshMobile() }));
    } finally {
      await server.close();
    }
  });
});
