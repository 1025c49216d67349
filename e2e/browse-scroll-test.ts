/**
 * Infinite scroll on a browse page: every product of the listing appears once, page after page (a
 * page comes in half a page per painted frame), and the end of the listing says so.
 */
import { expect, test } from './support/shop-page';

test('scrolling a browse page shows every product once, to the end of the listing', async ({ page, problems }) => {
  await page.goto('/mobiles/pr');
  const cards = page.getByTestId('product-card');
  await expect(cards.first()).toBeVisible();
  const count = page.getByTestId('result-count');
  const total = Number(/of ([\d,]+) products/.exec((await count.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
  expect(total).toBeGreaterThan(24);
  const end = page.getByText(`You have seen all ${total} products`);
  for (let i = 0; i < 60 && !(await end.isVisible()); i++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(100);
  }
  await expect(end).toBeVisible();
  await expect(count).toHaveText(`Showing ${total} of ${total.toLocaleString('en-IN')} products`);
  const ids = await cards.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-product-id')));
  expect(ids).toHaveLength(total);
  expect(new Set(ids).size).toBe(total);
  expect(problems.list).toEqual([]);
});
