/** The test payment gateway: hosted page, signed webhook, signed return, abandoned payments; on each store. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sweepAbandonedPayments } from '../../server/orders/abandoned-payments';
import { PAYMENT_TIMEOUT_MS } from '../../server/payments/payment-provider';
import { signReturn, signWebhook } from '../../server/payments/test-gateway/signature';
import { startServer, storeKinds, type TestServer } from '../support/server';
import { assertError, assertOk } from './auth-client';
import { line, postOrder, signedIn, stockOf, variantItem, type Item, type SignedIn } from './order-client';

const WEBHOOK = '/api/payments/webhook/test-gateway';

for (const kind of storeKinds()) {
  describe(`test payment gateway (${kind})`, () => {
    let server: TestServer;
    let item: Item;
    let secret: string;

    before(async () => {
      server = await startServer(kind);
      item = await variantItem(server, 100);
      const row = await server.store.db.selectFrom('shop_secrets').select('value').where('name', '=', 'test-gateway.secret').executeTakeFirstOrThrow();
      secret = row.value;
    });
    after(() => server.close());

    /** A pending gateway order of 2 units. */
    async function gatewayOrder(what = item): Promise<{ shopper: SignedIn; order: any; paymentId: string }> {
      const shopper = await signedIn(server);
      const { order } = assertOk(await postOrder(shopper, { addressId: shopper.addressId, paymentMethod: 'test-gateway', lines: [line(what, 2)] }), 201);
      const paymentId = /^\/pay\/test-gateway\/(pay_[\w-]{22})$/.exec(order.payment.redirectUrl)?.[1];
      assert.ok(paymentId, order.payment.redirectUrl);
      return { shopper, order, paymentId };
    }

    /** Submits the hosted page's form the way a browser on our page does. */
    function submit(paymentId: string, form: Record<string, string>) {
      return fetch(`${server.url}/pay/test-gateway/${paymentId}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
        body: new URLSearchParams(form).toString(),
      });
    }

    function webhook(body: string, signature: string | null) {
      return fetch(server.url + WEBHOOK, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-testpay-signature': signature } : {}) }, body });
    }

    function event(paymentId: string, type = 'payment.succeeded', id = `evt_${crypto.randomBytes(9).toString('base64url')}`): string {
      return JSON.stringify({ id, type, created: Math.floor(server.clock.now / 1000), data: { paymentId } });
    }

    async function orderOf(shopper: SignedIn, id: string) {
      return assertOk(await shopper.browser.get(`/api/orders/${id}`)).order;
    }

    it('should keep the signing secret in the store, one for every server', async () => {
      assert.ok(secret.length >= 32);
    });

    it('should reserve stock for a pending payment and serve the hosted page with a CSP nonce, UPI and card', async () => {
      const stock = await stockOf(server, item);
      const { order, paymentId } = await gatewayOrder();
      assert.equal(order.payment.status, 'pending');
      assert.equal(Date.parse(order.payment.expiresAt) - Date.parse(order.createdAt), PAYMENT_TIMEOUT_MS);
      assert.equal(await stockOf(server, item), stock - 2, 'reserved while the shopper pays');
      const page = await fetch(`${server.url}/pay/test-gateway/${paymentId}`, { headers: { accept: 'text/html' } });
      assert.equal(page.status, 200);
      const csp = page.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, csp);
      assert.match(csp, /default-src 'none'/);
      const html = await page.text();
      assert.ok(html.includes(`<script nonce="${nonce}">`));
      assert.ok(html.includes(`<style nonce="${nonce}">`));
      for (const text of ['UPI', 'Card', 'success@testpay', 'failure@testpay', '4111 1111 1111 1111', '4000 0000 0000 0002', order.id]) assert.ok(html.includes(text), text);
      const other = await fetch(`${server.url}/pay/test-gateway/${paymentId}`, { headers: { accept: 'text/html' } });
      assert.notEqual(/nonce-([^']+)/.exec(other.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a fresh nonce per response');
    });

    it('should mark the order paid on approval, through the signed webhook, and redirect with a signed result', async () => {
      const { shopper, order, paymentId } = await gatewayOrder();
      const res = await submit(paymentId, { method: 'upi', vpa: 'success@testpay' });
      assert.equal(res.status, 303);
      const location = new URL(res.headers.get('location')!, server.url);
      assert.equal(location.pathname, `/checkout/confirmation/${order.id}`);
      assert.equal(location.searchParams.get('payment'), 'paid');
      assert.equal(location.searchParams.get('sig'), signReturn(secret, order.id, paymentId, 'paid'));
      const paid = await orderOf(shopper, order.id);
      assert.equal(paid.payment.status, 'paid');
      assert.equal(paid.payment.redirectUrl, undefined);
      assert.deepEqual(paid.timeline.map((t: any) => t.note), ['Order placed; waiting for payment', 'Payment received']);
      const events = await server.store.db.selectFrom('payment_events').select('event_id').execute();
      assert.ok(events.length >= 1, 'the outcome came through the webhook');
      const closed = await fetch(`${server.url}/pay/test-gateway/${paymentId}`, { headers: { accept: 'text/html' } });
      assert.equal(closed.status, 409);
      assert.equal((await submit(paymentId, { method: 'upi', vpa: 'success@testpay' })).status, 409, 'a paid payment cannot be paid again');
    });


    it('should cancel the order and return the stock when the card is declined', async () => {
      const stock = await stockOf(server, item);
      const { shopper, order, paymentId } = await gatewayOrder();
      const res = await submit(paymentId, { method: 'card', number: '4000 0000 0000 0002', expiry: '12/99', cvv: '123' });
      assert.equal(res.status, 303);
      assert.equal(new URL(res.headers.get('location')!, server.url).searchParams.get('payment'), 'failed');
      const failed = await orderOf(shopper, order.id);
      assert.equal(failed.status, 'cancelled');
      assert.equal(failed.payment.status, 'failed');
      assert.equal(failed.timeline.at(-1).note, 'Payment failed; order cancelled');
      assert.equal(await stockOf(server, item), stock);
    });

    it('should cancel the order when the shopper cancels the payment on the page', async () => {
      const { shopper, order, paymentId } = await gatewayOrder();
      const res = await submit(paymentId, { method: 'cancel' });
      assert.equal(res.status, 303);
      assert.equal(new URL(res.headers.get('location')!, server.url).searchParams.get('payment'), 'failed');
      const cancelled = await orderOf(shopper, order.id);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.payment.status, 'failed');
    });

    it('should show what to type for a value that is not a test value, and change nothing', async () => {
      const { shopper, order, paymentId } = await gatewayOrder();
      const res = await submit(paymentId, { method: 'card', number: '5555 5555 5555 4444', expiry: '12/99', cvv: '123' });
      assert.equal(res.status, 400);
      assert.ok((await res.text()).includes('4111 1111 1111 1111'));
      assert.equal((await orderOf(shopper, order.id)).payment.status, 'pending');
      const crossSite = await fetch(`${server.url}/pay/test-gateway/${paymentId}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', accept: 'application/json' },
        body: 'method=upi&vpa=success%40testpay',
      });
      assert.equal(crossSite.status, 403);
      assert.equal((await orderOf(shopper, order.id)).payment.status, 'pending');
      assert.equal((await fetch(`${server.url}/pay/test-gateway/pay_${'x'.repeat(22)}`, { headers: { accept: 'application/json' } })).status, 404);
    });

    describe(`POST ${WEBHOOK}`, () => {
      it('should apply a correctly signed event once, and refuse its replay', async () => {
        const { shopper, order, paymentId } = await gatewayOrder();
        const body = event(paymentId);
        const signature = signWebhook(secret, body, Math.floor(server.clock.now / 1000));
        const res = await webhook(body, signature);
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { received: true, applied: true, status: 'paid' });
        assert.equal((await orderOf(shopper, order.id)).payment.status, 'paid');
        const replay = await webhook(body, signature);
        assert.equal(replay.status, 409);
        assert.equal(((await replay.json()) as any).error.code, 'webhook-replayed');
      });

      it('should refuse a bad, missing or stale signature and change nothing', async () => {
        const { shopper, order, paymentId } = await gatewayOrder();
        const body = event(paymentId, 'payment.failed');
        const now = Math.floor(server.clock.now / 1000);
        const cases: Array<[string | null, string]> = [
          [null, 'webhook-signature-invalid'],
          ['garbage', 'webhook-signature-invalid'],
          [signWebhook('not-the-secret-but-long-enough-0123456789', body, now), 'webhook-signature-invalid'],
          [signWebhook(secret, body.replace('failed', 'succeeded'), now), 'webhook-signature-invalid'],
          [signWebhook(secret, body, now - 301), 'webhook-stale'],
          [signWebhook(secret, body, now + 301), 'webhook-stale'],
        ];
        for (const [signature, code] of cases) {
          const res = await webhook(body, signature);
          assert.equal(res.status, 400, String(signature));
          assert.equal(((await res.json()) as any).error.code, code, String(signature));
        }
        const after = await orderOf(shopper, order.id);
        assert.equal(after.payment.status, 'pending');
        assert.equal(after.status, 'placed');
        const seen = await server.store.db.selectFrom('payment_events').select('event_id').where('event_id', '=', JSON.parse(body).id).execute();
        assert.equal(seen.length, 0, 'a refused call leaves no trace');
      });

      it('should refuse a signed body that is not an event, an unknown payment and an unknown provider', async () => {
        const now = Math.floor(server.clock.now / 1000);
        const notEvent = '{"hello":"world"}';
        const res = await webhook(notEvent, signWebhook(secret, notEvent, now));
        assert.equal(res.status, 400);
        const unknown = event(`pay_${'a'.repeat(22)}`);
        const missing = await webhook(unknown, signWebhook(secret, unknown, now));
        assert.equal(missing.status, 404);
        assert.equal(((await missing.json()) as any).error.code, 'payment-not-found');
        const other = await fetch(`${server.url}/api/payments/webhook/paypal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        assert.equal(other.status, 404);
        assert.equal(((await other.json()) as any).error.code, 'unknown-payment-provider');
      });
    });

    describe('POST /api/orders/:orderId/payment-return', () => {
      it('should settle the payment on a valid return signature and refuse a forged one', async () => {
        const { shopper, order, paymentId } = await gatewayOrder();
        assertError(await shopper.browser.post(`/api/orders/${order.id}/payment-return`, { payment: 'paid', sig: '0'.repeat(64) }), 400, 'payment-signature-invalid');
        assertError(await shopper.browser.post(`/api/orders/${order.id}/payment-return`, { payment: 'paid', sig: signReturn(secret, order.id, paymentId, 'failed') }), 400, 'payment-signature-invalid');
        assert.equal((await orderOf(shopper, order.id)).payment.status, 'pending');
        const other = await signedIn(server);
        assertError(await other.browser.post(`/api/orders/${order.id}/payment-return`, { payment: 'paid', sig: signReturn(secret, order.id, paymentId, 'paid') }), 404, 'order-not-found');
        const paid = assertOk(await shopper.browser.post(`/api/orders/${order.id}/payment-return`, { payment: 'paid', sig: signReturn(secret, order.id, paymentId, 'paid') })).order;
        assert.equal(paid.payment.status, 'paid');
      });
    });

    describe('abandoned payments', () => {
      it('should cancel the order and return the stock once the payment is past its time', async () => {
        // Its own item: pending orders of the other tests expire in this sweep too.
        const own = await variantItem(server, 10, 1);
        const { shopper, order, paymentId } = await gatewayOrder(own);
        const paid = await gatewayOrder(own);
        await submit(paid.paymentId, { method: 'upi', vpa: 'success@testpay' });
        assert.equal(await stockOf(server, own), 6);
        server.clock.advance(PAYMENT_TIMEOUT_MS - 1000);
        assert.equal(await sweepAbandonedPayments(server.store.db, server.clock.now), 0, 'not yet');
        server.clock.advance(1000);
        // The page closes at the deadline, before any sweep.
        assert.equal((await fetch(`${server.url}/pay/test-gateway/${paymentId}`, { headers: { accept: 'text/html' } })).status, 409);
        assert.ok((await sweepAbandonedPayments(server.store.db, server.clock.now)) >= 1);
        const expired = await orderOf(shopper, order.id);
        assert.equal(expired.status, 'cancelled');
        assert.equal(expired.payment.status, 'expired');
        assert.equal(expired.timeline.at(-1).note, 'Payment not completed in time; order cancelled');
        assert.equal(await stockOf(server, own), 8, 'the paid order keeps its units, the abandoned one returned them');
        assert.equal((await orderOf(paid.shopper, paid.order.id)).status, 'placed');
        // A late success changes nothing: the order is gone.
        const late = event(paymentId);
        const res = await webhook(late, signWebhook(secret, late, Math.floor(server.clock.now / 1000)));
        assert.deepEqual(await res.json(), { received: true, applied: false, status: 'expired' });
        assert.equal(await stockOf(server, own), 8);
      });
    });
  });
}
