/**
 * Installable: Chromium finds nothing missing (manifest, icons, worker), and the shop's own
 * install offer appears only after engagement and remembers "Not now".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type TestInfo } from '@playwright/test';
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, test } from './support/shop-page';
import { waitForController } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => server?.stop());

/**
 * A browser with a profile on disk: Chromium never checks installability in incognito, which
 * every ordinary test context is.
 */
async function withProfile(testInfo: TestInfo, args: string[], use: (context: BrowserContext) => Promise<void>): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-install-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, { ...launch, args: [...(launch.args ?? []), ...args], viewport: { width: 412, height: 915 } });
  try {
    await use(context);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

test('Chromium reports no installability errors', async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  await withProfile(testInfo, [], async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await waitForController(page);
    const session = await context.newCDPSession(page);
    await expect
      .poll(async () => (await session.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId), { timeout: 20_000 })
      .toEqual([]);
    const manifest = await session.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  });
});

test('Chromium\'s own install event, after a viewed product, brings up the shop\'s offer, which hands over to the browser\'s prompt', async ({ browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  test.setTimeout(90_000);
  // No waiting for Chromium's engagement score: it fires `beforeinstallprompt` itself once the
  // shop is installable.
  await withProfile(testInfo, ['--bypass-app-banner-engagement-checks'], async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await waitForController(page);
    await expect(page.getByTestId('product-card').first()).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(page.getByTestId('install-prompt'), 'a first look is not engagement yet').toHaveCount(0);

    await page.getByTestId('product-card').first().click();
    // Viewed once the product's data is on screen (the shell alone is not a view).
    await expect.poll(() => page.evaluate(() => localStorage.getItem('sf.recentlyViewed'))).toMatch(/itm/);
    await page.goto(`${server.url}/`);
    // Chromium checks installability (manifest, icons, a worker with a fetch handler) on its own time.
    await expect(page.getByTestId('install-prompt')).toBeVisible({ timeout: 45_000 });
    await page.getByTestId('install-accept').click();
    // Headless Chromium has no dialog to show, so its prompt answers "dismissed": remembered as such.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('sf.installChoice'))).toBe('dismissed');
    await expect(page.getByTestId('install-prompt')).toHaveCount(0);
  });
});

/** A `beforeinstallprompt` of the test's own, for the engagement rules in an ordinary context. */
async function offerInstall(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => undefined,
      userChoice: Promise.resolve({ outcome: 'dismissed' as const }),
    });
    window.dispatchEvent(event);
  });
}

test('the shop offers to install only after engagement, and remembers "Not now"', async ({ page, problems }) => {
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  await offerInstall(page);
  await page.waitForTimeout(300);
  await expect(page.getByTestId('install-prompt')).toHaveCount(0);

  // A second visit (a new session) is real engagement.
  const second = await page.context().newPage();
  await second.goto(`${server.url}/`);
  await expect(second.getByTestId('product-card').first()).toBeVisible();
  await offerInstall(second);
  await expect(second.getByTestId('install-prompt')).toBeVisible();
  await second.getByTestId('install-dismiss').click();
  await expect(second.getByTestId('install-prompt')).toHaveCount(0);
  expect(await second.evaluate(() => localStorage.getItem('sf.installChoice'))).toBe('dismissed');

  await second.reload();
  await expect(second.getByTestId('product-card').first()).toBeVisible();
  await offerInstall(second);
  await second.waitForTimeout(300);
  await expect(second.getByTestId('install-prompt')).toHaveCount(0);
  expect(problems.list).toEqual([]);
});
