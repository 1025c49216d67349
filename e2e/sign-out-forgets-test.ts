/**
 * A shared device after sign-out (issue 10, item 8): the searches and products the shopper looked
 * at are gone from the service worker's caches, unsent telemetry is gone from IndexedDB, and the
 * recently viewed list is empty, so the next person finds none of it, online or off.
 */
import type { Page } from '@playwright/test';
import { signUp } from './support/account-steps';
import { freshMobile } from './support/outbox';
import { expect, test } from './support/shop-page';
import { cachedUrls, productPaths, waitForController } from './support/worker-page';

/** Unsent events waiting in the telemetry client's IndexedDB store. */
function storedEvents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sf-telemetry', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('events').objectStore('events').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** An event left unsent, as going offline leaves them (the client drains them on the next load). */
function leaveUnsentEvent(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sf-telemetry', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('events', { keyPath: 'id' });
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          tx.objectStore('events').put({ id: crypto.randomUUID(), timestamp: Date.now(), data: { eventType: 'PAGE_VIEW', routeType: 'search' } });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

test('signing out forgets cached searches and products, unsent events and recently viewed', async ({ page, problems }) => {
  await page.goto('/');
  await waitForController(page);
  await page.goto('/search?q=samsung');
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  const [product] = await productPaths(new URL(page.url()).origin, 'samsung', 1);
  await page.goto(product!);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await cachedUrls(page, 'sf-searches-v1')).some((url) => url.startsWith('/api/catalog/search?q=samsung'))).toBe(true);
  await expect.poll(async () => (await cachedUrls(page, 'sf-products-v1')).length).toBeGreaterThan(0);

  await signUp(page, freshMobile(71));
  await expect(page).toHaveURL(/\/accounts$/);
  await leaveUnsentEvent(page);
  expect(await storedEvents(page)).toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem('sf.recentlyViewed'))).not.toBeNull();

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);
  expect(await storedEvents(page)).toBe(0);
  const names = await page.evaluate(() => caches.keys());
  expect(names.filter((name) => /^sf-(searches|products|suggestions|catalog|images)-/.test(name))).toEqual([]);
  expect(names.some((name) => name.startsWith('sf-precache-'))).toBe(true);
  expect(await page.evaluate(() => localStorage.getItem('sf.recentlyViewed'))).toBeNull();
  expect(problems.list).toEqual([]);
});
