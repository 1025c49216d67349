/**
 * The kill switch: with it on, one navigation leaves no worker registration and no caches, and the
 * shop keeps working from the network; reviving it lets a fresh worker install.
 */
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, test } from './support/shop-page';
import { waitForController, workerFootprint } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => server?.stop());

test('kill removes the worker and its caches on the next navigation; revive brings it back', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await waitForController(page);
  await expect.poll(async () => (await workerFootprint(page)).caches.length).toBeGreaterThan(0);

  server.sw('kill');
  await server.waitForKillFlag(true);
  await page.goto(`${server.url}/mobiles/pr`);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  // The page reads the flag and removes everything; the kill worker may also reload the page once.
  await expect
    .poll(async () => workerFootprint(page).catch(() => null), { timeout: 15_000 })
    .toEqual({ registrations: 0, caches: [] });

  server.sw('revive');
  await server.waitForKillFlag(false);
  await page.goto(`${server.url}/`);
  await waitForController(page);
  expect((await workerFootprint(page)).registrations).toBe(1);
});
