/**
 * Push notifications end to end in Chromium: the offer after a wishlisted product (never on load),
 * a real `pushManager.subscribe()` that the server stores, a price drop sent by the server through
 * a push service (VAPID, aes128gcm) that the worker shows once, a tap that takes the shop's tab to
 * the product, and unsubscribing that stops it. Also: "not now" is remembered, a second view of a
 * product offers price drops, and iOS Safari in a tab gets the install coach.
 *
 * Chromium's own push service cannot be reached from a test machine, so two stand-ins take its
 * place, both outside the shop: its registration (fake-gcm.ts, so subscribing is real), and, for
 * the shopper's second device, the test push service, which checks the VAPID token, decrypts the
 * push and hands it to this browser's worker through DevTools (`ServiceWorker.deliverPushMessage`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { Browser } from '../test/support/browser';
import { startPushService, type ReceivedPush, type TestPushService } from '../test/support/push-service';
import { startServer, type TestServer } from '../test/support/server';
import { freshMobile, lastCode } from '../test/http/auth-client';
import { startFakeGcm, type FakeGcm } from './support/fake-gcm';

let server: TestServer;
let service: TestPushService;
let gcm: FakeGcm;
let origin: string;
/** Where the test push service hands pushes on: the browser's worker, once the test says which. */
let relay: ((push: ReceivedPush) => void) | null = null;

test.beforeAll(async () => {
  gcm = await startFakeGcm();
  service = await startPushService({ onPush: (push) => relay?.(push) });
  server = await startServer('sqlite', { env: { PUSH_TEST_SERVICE: service.origin, PUSH_TEST_SERVICE_CA: service.caFile, PUSH_QUIET_HOURS: 'off', PUBLIC_ORIGIN: 'https://shop.example', INSECURE_COOKIES: '0' } });
  origin = server.url.replace('127.0.0.1', 'localhost');
});
test.afterAll(async () => {
  await server?.close();
  await service?.close();
  await gcm?.close();
});

/** Chromium with a profile on disk (incognito has no push) and the GCM stand-in. */
async function withBrowser(use: (context: BrowserContext, page: Page) => Promise<void>, options: { userAgent?: string } = {}): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-push-'));
  const launch = test.info().project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, {
    ...launch,
    args: [...(launch.args ?? []), ...gcm.flags],
    baseURL: origin,
    viewport: { width: 412, height: 915 },
    isMobile: true,
    hasTouch: true,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  await context.grantPermissions(['notifications'], { origin });
  // The install offer has its own journey; here it would cover the buttons at the bottom.
  await context.addInitScript(() => localStorage.setItem('sf.installChoice', 'dismissed'));
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  try {
    await use(context, page);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Signs the browser in through the API (the login pages have their own journeys). */
async function signIn(page: Page, mobile: string): Promise<void> {
  const post = (url: string, body: object) =>
    page.evaluate(async ([u, b]) => (await fetch(u as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).status, [url, body] as const);
  expect(await post('/api/auth/identify', { mobile })).toBe(200);
  expect(await post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) })).toBe(200);
}

async function aProduct(): Promise<{ id: string; path: string; price: number; title: string }> {
  const row = await server.store.db
    .selectFrom('products')
    .select(['id', 'slug', 'price', 'title'])
    .where('stock', '>', 0)
    .where('price', '>', 100_000)
    .where('id', 'not in', server.store.db.selectFrom('product_variants').select('product_id'))
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { id: row.id, path: `/${row.slug}/p/${row.id}`, price: Number(row.price), title: row.title };
}

/** An operator's price change (`PATCH /ops/api/catalog/products/:id`), and the pushes it causes. */
async function dropPrice(productId: string, price: number): Promise<void> {
  const res = await new Browser(server.url).send('PATCH', `/ops/api/catalog/products/${productId}`, { price }, server.operator);
  expect(res.status).toBe(200);
  await server.shop.push.checkProducts();
}

async function workerRegistrationId(cdp: CDPSession): Promise<string> {
  const ids: string[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => ids.push(...event.registrations.filter((r) => r.scopeURL === `${origin}/` && !r.isDeleted).map((r) => r.registrationId)));
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => ids.length).toBeGreaterThan(0);
  return ids[0]!;
}

const notifications = (page: Page) =>
  page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url: string }).url })));

test('a wishlisted product\'s price drop reaches the shopper\'s device once; a tap opens it; turning off stops it', async () => {
  test.setTimeout(120_000);
  const product = await aProduct();
  const mobile = freshMobile();
  await withBrowser(async (context, page) => {
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await signIn(page, mobile);
    await page.goto(product.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title);
    await page.waitForTimeout(500);
    await expect(page.getByTestId('push-offer'), 'never offered on page load').toHaveCount(0);

    // Wishlisting is the moment: the offer says what the shopper gets.
    await page.locator('.product-heart').click();
    await expect(page.locator('.product-heart')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('push-offer')).toContainText('cheaper or is back in stock');
    await page.getByTestId('push-offer-accept').click();
    await expect(page.getByTestId('push-offer-result')).toContainText('Notifications are on');

    // The browser's subscription is what the server stored, for this account, with the offer's topics.
    const endpoint = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription())?.endpoint);
    expect(endpoint).toMatch(/^https:\/\/jmt17\.google\.com\/fcm\/send\//);
    const stored = await server.store.db.selectFrom('push_subscriptions').select(['topics', 'account_id']).where('endpoint', '=', endpoint!).executeTakeFirstOrThrow();
    expect(stored.topics).toBe('back_in_stock,price_drop');
    expect(stored.account_id).not.toBeNull();

    // What the worker reports: its own posts to table storefront (Chromium reports a worker's requests on the context).
    const reported: Array<{ eventType: string; productId?: string; kind?: string; status: number }> = [];
    context.on('requestfinished', async (request) => {
      if (!request.url().endsWith('/foxtrot/v1/document/storefront')) return;
      const data = (request.postDataJSON() as { data: { eventType: string; productId?: string; kind?: string } }).data;
      reported.push({ ...data, status: (await request.response())?.status() ?? 0 });
    });

    // The shopper's other device: a subscription of the test push service, which relays to this worker.
    const cdp = await context.newCDPSession(page);
    const registrationId = await workerRegistrationId(cdp);
    relay = (push) => void cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: push.payload! });
    const other = new Browser(server.url);
    server.clock.advance(60_000);
    await other.post('/api/auth/identify', { mobile });
    await other.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) });
    const relayed = service.subscribe();
    expect((await other.post('/api/push/subscriptions', { endpoint: relayed.endpoint, keys: relayed.keys, topics: ['price_drop'] })).status).toBe(201);

    await page.goto('/');
    await dropPrice(product.id, product.price - 10_000);
    await dropPrice(product.id, product.price - 10_000);
    await expect.poll(() => notifications(page)).toHaveLength(1);
    const [shown] = await notifications(page);
    expect(shown!.title).toMatch(/^Price drop: now ₹/);
    expect(shown!.body).toContain(product.title);
    expect(shown!.url).toBe(`${origin}${product.path}`);
    expect(service.received.filter((push) => push.subscriptionId === relayed.id)).toHaveLength(1);

    // A tap: the worker takes the open tab of the shop to the product. (DevTools cannot tap a
    // notification; the worker gets the same event, minus the user activation a real tap carries.)
    const [worker] = context.serviceWorkers();
    await worker!.evaluate(async () => {
      // Runs in the worker, where these exist; the test's own types are the page's.
      const scope = self as unknown as { registration: ServiceWorkerRegistration; NotificationEvent: new (type: string, init: { notification: Notification }) => Event };
      const [notification] = await scope.registration.getNotifications();
      try {
        self.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification: notification! }));
      } catch {
        // waitUntil refuses a synthetic event; the handler's work is already under way.
      }
    });
    await expect(page).toHaveURL(`${origin}${product.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title);
    await expect.poll(() => notifications(page), 'a tapped notification closes').toHaveLength(0);
    await expect
      .poll(() => reported.filter((r) => r.productId === product.id).map((r) => `${r.eventType} ${r.kind} ${r.status}`).sort())
      .toEqual(['PUSH_CLICKED price_drop 201', 'PUSH_RECEIVED price_drop 201']);

    // Turning off: this device here, the other device from the list.
    await page.goto('/accounts/notifications');
    await expect(page.getByTestId('push-topic-price_drop')).toBeChecked();
    await expect(page.getByTestId('push-device')).toHaveCount(1);
    await page.getByTestId('push-device').getByRole('button', { name: 'Remove this device' }).click();
    await expect(page.getByTestId('push-device')).toHaveCount(0);
    await page.getByTestId('push-turn-off').click();
    await expect(page.getByTestId('push-turn-on')).toBeVisible();
    expect(await page.evaluate(async () => (await (await navigator.serviceWorker.ready).pushManager.getSubscription()) === null)).toBe(true);
    expect(await server.store.db.selectFrom('push_subscriptions').select('id').where('account_id', '=', stored.account_id!).execute()).toEqual([]);

    await dropPrice(product.id, product.price - 20_000);
    expect(service.received.filter((push) => push.subscriptionId === relayed.id)).toHaveLength(1);
    await page.waitForTimeout(500);
    expect(await notifications(page)).toHaveLength(0);
    relay = null;
  });
});

test('"Not now" is remembered for weeks; a second look at a product offers its price drops', async () => {
  const product = await aProduct();
  await withBrowser(async (_context, page) => {
    await page.goto(product.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title);
    await expect(page.getByTestId('push-offer')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product.title);
    await expect(page.getByTestId('push-offer')).toContainText('Waiting for a better price?');
    await page.getByTestId('push-offer-dismiss').click();
    await expect(page.getByTestId('push-offer')).toHaveCount(0);
    const until = await page.evaluate(() => Number(localStorage.getItem('sf.push.notNowUntil')));
    expect(until - Date.now()).toBeGreaterThan(27 * 24 * 3600_000);

    await page.locator('.product-heart').click();
    await expect(page.locator('.product-heart')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(500);
    await expect(page.getByTestId('push-offer'), 'not asked again after "not now"').toHaveCount(0);
    // The guest's wishlist lives with the browser.
    expect(await page.evaluate(() => document.cookie)).toContain(`sf_wishlist=${product.id}`);
  });
});

test('iOS Safari in a tab is coached to add the shop to the Home Screen, and asked nothing', async () => {
  const product = await aProduct();
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1';
  await withBrowser(
    async (_context, page) => {
      await page.goto(product.path);
      await page.locator('.product-heart').click();
      const coach = page.getByTestId('push-install-coach');
      await expect(coach).toContainText('Add to Home Screen');
      await expect(page.getByTestId('push-offer-accept')).toHaveCount(0);
      await page.getByTestId('push-coach-dismiss').click();
      await expect(coach).toHaveCount(0);
    },
    { userAgent: iphone },
  );
});

test('an operator sends a campaign from the console\'s Push tab and sees how it went', async ({ page }) => {
  const sub = service.subscribe();
  expect((await new Browser(server.url).post('/api/push/subscriptions', { endpoint: sub.endpoint, keys: sub.keys, topics: ['offers'] })).status).toBe(201);
  await page.goto(`${origin}/ops/login?next=%2Fops%2Fconsole%2Fpush`);
  await page.getByLabel('Operator token').fill(server.operator.authorization.replace('Bearer ', ''));
  await page.getByRole('button', { name: /log in|sign in/i }).click();
  await expect(page.getByRole('tab', { name: 'Push' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Title').fill('Weekend sale');
  await page.getByLabel('Text').fill('Up to 50% off');
  await page.getByLabel('Opens').fill('/mobiles/pr');
  await page.getByRole('button', { name: 'Send campaign' }).click();
  await expect(page.getByRole('status')).toContainText('Sending now');
  await expect.poll(() => service.received.filter((push) => push.subscriptionId === sub.id).length).toBe(1);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('row', { name: /Weekend sale/ })).toContainText('sent');
});
