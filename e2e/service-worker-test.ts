/**
 * The worker takes over after the first visit, and a repeat visit's shell, JS and CSS come from it:
 * proved by the server's own request counts. A new checkout release reaches an open page as a
 * polite prompt (held back during checkout), and accepting it runs the new bundle.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { enterCode } from './support/account-steps';
import { freshMobile, requestLoginCode } from './support/outbox';
import { copyDist, deploy, startOwnServer, type OwnServer } from './support/own-server';
import { expect, test } from './support/shop-page';
import { productPaths, waitForController } from './support/worker-page';

test.describe('repeat visits', () => {
  let server: OwnServer;
  test.beforeAll(async () => {
    server = await startOwnServer();
  });
  test.afterAll(async () => server?.stop());

  test('a second visit\'s shell, JS and CSS are served by the worker, not the server', async ({ page, problems }) => {
    const [first, second] = await productPaths(server.url, 'phone', 2);
    await page.goto(server.url + first!);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await waitForController(page);

    await server.resetRequests();
    await page.goto(server.url + second!);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-release', /^home-browse-product:/);
    const seen = await server.requests();
    const documentsAndAssets = Object.keys(seen).filter((path) => path === second || path.startsWith('/static/') || path.startsWith('/__shells/'));
    expect(documentsAndAssets, `requests that reached the server: ${JSON.stringify(seen)}`).toEqual([]);
    // The page's data still comes fresh from the network.
    expect(Object.keys(seen).some((path) => path.startsWith('/api/catalog/products/'))).toBe(true);
    expect(problems.list).toEqual([]);
  });
});

/** The checkout app's entry script: the first of its scripts (webpack appends route chunks after it). */
const checkoutEntry = (page: Page) => page.locator('script[src*="/apps/checkout/"]').first();

test.describe('updates', () => {
  let server: OwnServer;
  let dist: string;
  test.beforeAll(async () => {
    dist = copyDist();
    server = await startOwnServer({ distDir: dist });
  });
  test.afterAll(async () => {
    await server?.stop();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  test('a new checkout release waits out checkout, then the shopper refreshes into it', async ({ page, problems }) => {
    test.setTimeout(180_000);
    const [product] = await productPaths(server.url, 'phone', 1);
    // Checkout is for signed-in shoppers.
    await page.goto(`${server.url}/accounts/login`);
    await enterCode(page, await requestLoginCode(page, freshMobile(51), server.dataDir));
    await page.getByTestId('profile-skip').click();
    await page.goto(server.url + product!);
    await waitForController(page);
    await page.getByTestId('add-to-cart').click();
    await expect(page.getByTestId('cart-badge')).toHaveText('1');
    await page.goto(`${server.url}/cart`);
    const oldBundle = await checkoutEntry(page).getAttribute('src');

    const workerBefore = await (await fetch(`${server.url}/sw.js`)).text();
    const output = deploy('checkout', dist, 'update-test');
    const buildId = /deployed checkout ([a-f0-9]+)/.exec(output)?.[1];
    expect(buildId).toBeTruthy();
    await expect.poll(async () => (await fetch(`${server.url}/sw.js`)).text(), { timeout: 15_000 }).not.toBe(workerBefore);

    // Mid-checkout: the browser finds the new worker on this navigation, but the prompt stays away.
    await page.goto(`${server.url}/checkout/address`);
    await expect(page.getByTestId('address-form')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-release', /^checkout:/);
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);

    // Back in the cart (a client-side navigation), the shopper is told and chooses when.
    await page.getByTestId('cart-link').click();
    await expect(page).toHaveURL(/\/cart$/);
    await expect(page.getByTestId('update-prompt')).toBeVisible();
    await expect(checkoutEntry(page)).toHaveAttribute('src', oldBundle!);
    await page.getByTestId('update-refresh').click();
    await expect(checkoutEntry(page)).toHaveAttribute('src', new RegExp(`/apps/checkout/${buildId}/`));
    await expect(page.locator('html')).toHaveAttribute('data-release', 'checkout:update-test');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    expect(problems.list).toEqual([]);
  });

  test('a page left open for an hour finds the next release by itself and offers it', async ({ page, problems }) => {
    test.setTimeout(120_000);
    await page.clock.install();
    await page.goto(`${server.url}/cart`);
    await waitForController(page);
    const workerBefore = await (await fetch(`${server.url}/sw.js`)).text();
    const output = deploy('checkout', dist, 'long-open-test');
    const buildId = /deployed checkout ([a-f0-9]+)/.exec(output)?.[1];
    await expect.poll(async () => (await fetch(`${server.url}/sw.js`)).text(), { timeout: 15_000 }).not.toBe(workerBefore);

    // No navigation: only the page's own hourly check can find the new worker.
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    await page.clock.fastForward('01:00:00');
    await expect(page.getByTestId('update-prompt')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('update-refresh').click();
    await expect(checkoutEntry(page)).toHaveAttribute('src', new RegExp(`/apps/checkout/${buildId}/`));
    expect(problems.list).toEqual([]);
  });
});
