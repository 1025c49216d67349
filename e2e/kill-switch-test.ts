/**
 * The kill switch: with it on, one navigation leaves no worker registration and no caches, and the
 * shop keeps working from the network; reviving it lets a fresh worker install.
 */
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, test } from './support/shop-page';
import { waitForController, workerFootprint } from './support/worker-page';

/** A picture URL no page shows, so the worker's cache-first route has to fetch it. */
const HELD_PICTURE = '/img/held-at-the-kill.svg?held=1';

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

test('a picture the worker is still fetching at the kill does not bring its cache back', async ({ page, context }) => {
  await page.goto(`${server.url}/`);
  await waitForController(page);
  // Hold the worker's fetch of one picture until every page-side deletion is done.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let arrived!: () => void;
  const reachedNetwork = new Promise<void>((resolve) => (arrived = resolve));
  await context.route('**/img/held-at-the-kill.svg?held=1', async (route) => {
    arrived();
    await held;
    await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' });
  });
  await page.evaluate((url) => {
    (window as { heldPicture?: Promise<number> }).heldPicture = fetch(url).then((res) => res.status);
  }, HELD_PICTURE);
  await reachedNetwork;

  server.sw('kill');
  await server.waitForKillFlag(true);
  const second = await context.newPage();
  await second.goto(`${server.url}/mobiles/pr`);
  await expect
    .poll(async () => workerFootprint(second).catch(() => null), { timeout: 15_000 })
    .toEqual({ registrations: 0, caches: [] });

  // The answer reaches the old worker only now, after the page removed it and every cache.
  release();
  expect(await page.evaluate(() => (window as { heldPicture?: Promise<number> }).heldPicture)).toBe(200);
  // Its cache write would land within moments of the answer: the caches must stay gone meanwhile.
  for (let check = 0; check < 8; check++) {
    expect(await workerFootprint(second)).toEqual({ registrations: 0, caches: [] });
    await second.waitForTimeout(250);
  }

  server.sw('revive');
  await server.waitForKillFlag(false);
});
