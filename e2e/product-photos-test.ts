/**
 * A photo an operator uploads is what the shopper sees: the product page shows it as `<picture>`
 * (AVIF first, a srcset of widths, the placeholder behind it), requested at high priority as soon as
 * the data arrives (before the gallery renders, and only once), and the worker's image cache keeps
 * it, so the picture still shows offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ellipse, paintPhoto, rect, vignette } from '../server/images/palette/painted-photo';
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, snap, test } from './support/shop-page';
import { cachedUrls, productPaths, waitForController } from './support/worker-page';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer({ env: { SEED_PHOTOS: 'off' } });
});
test.afterAll(async () => server?.stop());

test('an uploaded photo shows on the product page, preloaded, and stays in the worker cache offline', async ({ page, context, problems }, testInfo) => {
  const [productPath] = await productPaths(server.url, 'shirt', 1);
  const productId = productPath!.split('/').pop()!;
  const token = fs.readFileSync(path.join(server.dataDir, 'ops-token'), 'utf8').trim();
  const photo = await paintPhoto({ size: 900, background: vignette('#fafafa', 0.1), shapes: [rect(0.3, 0.2, 0.7, 0.8, '#1f2f57', 0.05), ellipse(0.5, 0.25, 0.1, 0.05, '#f7f7f5')], noise: 3 });
  const upload = await fetch(`${server.url}/ops/api/catalog/products/${productId}/images?position=0&alt=Front`, {
    method: 'POST',
    body: new Uint8Array(photo),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
  });
  expect(upload.status).toBe(201);
  const { images } = (await upload.json()) as { images: Array<{ image: { photo: { key: string } } }> };
  const key = images[0]!.image.photo.key;

  // When the gallery's first <img> enters the page, to tell a preload from the picture's own request.
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('.gallery-slide img')) return;
      (window as unknown as { galleryImgAt: number }).galleryImgAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url + productPath!);
  const first = page.locator('.gallery-slide').first();
  await expect(first.locator('source[type="image/avif"]')).toHaveAttribute('srcset', new RegExp(`/img/v1/${key}/200\\.avif 200w, .*600\\.avif 600w, .*800\\.avif 800w$`));
  const img = first.locator('img');
  await expect(img).toHaveAttribute('fetchpriority', 'high');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(new RegExp(`/img/v1/${key}/\\d+\\.avif$`));
  // The picture was asked for as soon as the data arrived, before the gallery rendered it, and once.
  const fetched = await page.evaluate((k) => {
    const entries = performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`/img/v1/${k}/`));
    return { count: entries.length, startedAt: entries[0]?.startTime ?? Infinity, imgAt: (window as unknown as { galleryImgAt: number }).galleryImgAt };
  }, key);
  expect(fetched.count).toBe(1);
  expect(fetched.startedAt).toBeLessThan(fetched.imgAt);
  await snap(page, testInfo, 'product-photo');

  await waitForController(page);
  await page.reload();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await expect.poll(async () => (await cachedUrls(page, 'sf-images-v1')).filter((url) => url.startsWith(`/img/v1/${key}/`)).length).toBeGreaterThan(0);

  await context.setOffline(true);
  await page.reload();
  await expect.poll(() => page.locator('.gallery-slide img').first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  await context.setOffline(false);
  expect(problems.list.filter((p) => !/net::(ERR_FAILED|ERR_INTERNET_DISCONNECTED)/.test(p))).toEqual([]);
});
