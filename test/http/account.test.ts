/** The account API over HTTP, on every store: profile, Indian addresses, changing the mobile number. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk, freshMobile, lastCode, login, wrongCode } from './auth-client';
import { Browser } from '../support/browser';

const MINUTE = 60_000;
const home = {
  name: 'Asha Verma',
  phone: '9876501234',
  pin: '560034',
  line1: 'Flat 4B, Lakeview Apartments',
  line2: '80 Feet Road, Koramangala',
  landmark: 'Near Forum Mall',
  city: 'Bengaluru',
  state: 'Karnataka',
  type: 'home',
};

for (const kind of storeKinds()) {
  describe(`account API (${kind})`, () => {
    let server: TestServer;
    const loggedIn = async (mobile = freshMobile()) => {
      const b = new Browser(server.url);
      await login(server, b, mobile);
      return b;
    };

    before(async () => {
      server = await startServer(kind, { seedProducts: 10, env: { AUTH_IP_SENDS_PER_HOUR: '100000' } });
    });
    after(async () => {
      await server.close();
    });

    describe('without a login', () => {
      it('should answer login-required everywhere', async () => {
        const b = new Browser(server.url);
        assertError(await b.get('/api/account/me'), 401, 'login-required');
        assertError(await b.send('PATCH', '/api/account/profile', { name: 'Asha' }), 401, 'login-required');
        assertError(await b.get('/api/account/addresses'), 401, 'login-required');
        assertError(await b.post('/api/account/addresses', home), 401, 'login-required');
        assertError(await b.post('/api/account/mobile/change/start', { mobile: freshMobile() }), 401, 'login-required');
      });
    });

    describe('GET /api/account/me and PATCH /api/account/profile', () => {
      it('should show the account and change name and email', async () => {
        const mobile = freshMobile();
        const b = await loggedIn(mobile);
        const me = assertOk(await b.get('/api/account/me'));
        assert.equal(me.account.mobile, `+91${mobile}`);
        assert.equal(me.account.hasPassword, false);
        assert.equal(me.session.stepUpValidUntil - me.session.authenticatedAt, 10 * MINUTE);
        const changed = assertOk(await b.send('PATCH', '/api/account/profile', { name: '  Asha Verma ', email: 'Asha@Example.in' }));
        assert.equal(changed.account.name, 'Asha Verma');
        assert.equal(changed.account.email, 'asha@example.in');
        assert.equal(assertOk(await b.send('PATCH', '/api/account/profile', { email: null })).account.email, null);
      });

      it('should refuse bad profile input', async () => {
        const b = await loggedIn();
        for (const body of [{}, { name: 'A' }, { name: 'x'.repeat(61) }, { name: '<script>' }, { email: 'not-an-email' }, { mobile: '9876543210' }]) {
          assertError(await b.send('PATCH', '/api/account/profile', body), 400, 'bad-request');
        }
      });
    });

    describe('/api/account/addresses', () => {
      it('should add, list, change and delete addresses, keeping one default', async () => {
        const b = await loggedIn();
        assert.deepEqual(assertOk(await b.get('/api/account/addresses')), { addresses: [] });
        const first = assertOk(await b.post('/api/account/addresses', home), 201).address;
        assert.equal(first.isDefault, true);
        assert.equal(first.landmark, 'Near Forum Mall');
        const work = { ...home, line1: 'Tower C, 5th floor, Embassy Tech Village', line2: '', landmark: undefined, pin: '560103', type: 'work', isDefault: true };
        const second = assertOk(await b.post('/api/account/addresses', work), 201).address;
        assert.equal(second.line2, null);
        assert.equal(second.landmark, null);
        let list = assertOk(await b.get('/api/account/addresses')).addresses;
        assert.deepEqual(list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]), [[second.id, true], [first.id, false]]);

        const patched = assertOk(await b.send('PATCH', `/api/account/addresses/${first.id}`, { city: 'Bangalore', isDefault: true })).address;
        assert.equal(patched.city, 'Bangalore');
        assert.equal(patched.isDefault, true);
        assert.equal(patched.landmark, 'Near Forum Mall');
        assert.equal(assertOk(await b.send('PATCH', `/api/account/addresses/${first.id}`, { landmark: null })).address.landmark, null);
        list = assertOk(await b.get('/api/account/addresses')).addresses;
        assert.deepEqual(list.map((a: { isDefault: boolean }) => a.isDefault), [true, false]);

        assert.equal((await b.send('DELETE', `/api/account/addresses/${first.id}`)).status, 204);
        list = assertOk(await b.get('/api/account/addresses')).addresses;
        assert.deepEqual(list.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]), [[second.id, true]]);
        assertError(await b.send('DELETE', `/api/account/addresses/${first.id}`), 404, 'address-not-found');
      });

      it("should keep one account's addresses away from another", async () => {
        const owner = await loggedIn();
        const other = await loggedIn();
        const address = assertOk(await owner.post('/api/account/addresses', home), 201).address;
        assertError(await other.send('PATCH', `/api/account/addresses/${address.id}`, { city: 'Pune' }), 404, 'address-not-found');
        assertError(await other.send('DELETE', `/api/account/addresses/${address.id}`), 404, 'address-not-found');
        assert.deepEqual(assertOk(await other.get('/api/account/addresses')).addresses, []);
      });

      it('should check the Indian address format and name the bad field', async () => {
        const b = await loggedIn();
        const cases: [Record<string, unknown>, string][] = [
          [{ pin: '056003' }, 'pin'],
          [{ pin: '56003' }, 'pin'],
          [{ pin: '5600345' }, 'pin'],
          [{ pin: '56OO34' }, 'pin'],
          [{ pin: 560034 }, 'pin'],
          [{ phone: '987650123' }, 'phone'],
          [{ phone: '98765012345' }, 'phone'],
          [{ phone: '5876501234' }, 'phone'],
          [{ phone: '+919876501234' }, 'phone'],
          [{ state: 'Bangalore' }, 'state'],
          [{ state: 'karnataka' }, 'state'],
          [{ type: 'other' }, 'type'],
          [{ name: '' }, 'name'],
          [{ line1: 'ab' }, 'line1'],
          [{ line1: 'x'.repeat(121) }, 'line1'],
          [{ city: 'Pune\u0000' }, 'city'],
          [{ landmark: 'x'.repeat(81) }, 'landmark'],
          [{ country: 'IN' }, ''],
        ];
        for (const [change, field] of cases) {
          const details = assertError(await b.post('/api/account/addresses', { ...home, ...change }), 400, 'bad-request');
          if (field) assert.ok(details.problems.some((p: { field: string }) => p.field === field), `${JSON.stringify(change)}: ${JSON.stringify(details)}`);
        }
        const { city: _city, ...noCity } = home;
        assertError(await b.post('/api/account/addresses', noCity), 400, 'bad-request');
        assertError(await b.send('PATCH', '/api/account/addresses/not-a-uuid', { city: 'Pune' }), 400, 'bad-request');
        const id = assertOk(await b.post('/api/account/addresses', home), 201).address.id;
        assertError(await b.send('PATCH', `/api/account/addresses/${id}`, {}), 400, 'bad-request');
        assertError(await b.send('PATCH', `/api/account/addresses/${id}`, { pin: '012345' }), 400, 'bad-request');
        assert.deepEqual(assertOk(await b.get('/api/account/states')).states.length, 36);
      });

      it('should hold at most 20 addresses', async () => {
        const b = await loggedIn();
        for (let i = 0; i < 20; i += 1) assertOk(await b.post('/api/account/addresses', { ...home, line1: `House ${i + 1}, Main Road` }), 201);
        assertError(await b.post('/api/account/addresses', home), 409, 'too-many-addresses');
      });
    });

    describe('changing the mobile number', () => {
      it('should need a recent login and a code sent to the new number', async () => {
        const old = freshMobile();
        const next = freshMobile();
        const b = await loggedIn(old);
        // A second browser of the same account, e.g. a phone that was lost with the old SIM.
        const lost = new Browser(server.url);
        server.clock.advance(MINUTE);
        await login(server, lost, old);
        server.clock.advance(11 * MINUTE);
        assertError(await b.post('/api/account/mobile/change/start', { mobile: next }), 403, 'step-up-required');
        assertOk(await b.post('/api/auth/step-up/start'));
        assertOk(await b.post('/api/auth/step-up/verify', { code: lastCode(server, `+91${old}`) }));

        assertError(await b.post('/api/account/mobile/change/start', { mobile: old }), 400, 'mobile-unchanged');
        assertError(await b.post('/api/account/mobile/change/start', { mobile: '12345' }), 400, 'invalid-mobile');
        const sent = assertOk(await b.post('/api/account/mobile/change/start', { mobile: next }));
        assert.equal(sent.mobileMasked, `+91******${next.slice(-4)}`);
        const code = lastCode(server, `+91${next}`);
        assertError(await b.post('/api/account/mobile/change/verify', { mobile: next, code: wrongCode(code) }), 400, 'otp-invalid');
        const before = b.session();
        const changed = assertOk(await b.post('/api/account/mobile/change/verify', { mobile: next, code }));
        assert.equal(changed.account.mobile, `+91${next}`);
        assert.notEqual(b.session(), before);
        // Sessions opened with the old number end with it.
        assertError(await lost.get('/api/account/me'), 401, 'login-required');
        assertOk(await b.get('/api/account/me'));

        server.clock.advance(MINUTE);
        const again = new Browser(server.url);
        const byNew = await login(server, again, next);
        assert.equal(byNew.status, 'logged-in');
        assert.equal(byNew.account.id, changed.account.id);
        const byOld = await login(server, new Browser(server.url), old);
        assert.equal(byOld.status, 'signed-up');
      });

      it('should refuse a number another account uses, and a code sent for another account', async () => {
        const taken = freshMobile();
        await loggedIn(taken);
        const b = await loggedIn();
        assertOk(await b.post('/api/account/mobile/change/start', { mobile: taken }));
        assertError(await b.post('/api/account/mobile/change/verify', { mobile: taken, code: lastCode(server, `+91${taken}`) }), 409, 'mobile-taken');

        const wanted = freshMobile();
        const thief = await loggedIn();
        const victim = await loggedIn();
        assertOk(await victim.post('/api/account/mobile/change/start', { mobile: wanted }));
        assertError(await thief.post('/api/account/mobile/change/verify', { mobile: wanted, code: lastCode(server, `+91${wanted}`) }), 400, 'otp-expired');
      });
    });
  });
}
