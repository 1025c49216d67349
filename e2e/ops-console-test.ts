/**
 * The operators' console on a 390 px phone, over a store with known storefront events: the default
 * dashboard's numbers are those events' (the widgets read the fields the shop sends), nothing
 * overflows sideways, the bar's actions stay on screen, controls are 44 px, the result table is
 * reachable and scrollable by keyboard, and axe finds no serious accessibility violation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import type { TelemetryDocument } from '../apps/kit/src/telemetry/event-types';
import { expectAccessible } from './support/axe';
import { startOwnServer, type OwnServer } from './support/own-server';
import { expect, snap } from './support/shop-page';

const test = base.extend<{}, { shop: OwnServer }>({
  shop: [
    async ({}, use) => {
      const shop = await startOwnServer();
      await use(shop);
      await shop.stop();
    },
    { scope: 'worker' },
  ],
});

const SESSIONS = 6;
const PER_SESSION = 20;
const ROUTES = ['home', 'browse', 'product', 'search'];

/** 120 events of 6 sessions, shaped exactly as the kit's telemetry client sends them. */
function storefrontEvents(now: number): TelemetryDocument[] {
  const docs: TelemetryDocument[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const os = s < 4 ? 'android' : 'ios';
    const context = { app: 'home-browse-product', release: 'dev', appVersion: { major: 0, minor: 0 }, os, osVersion: '14', browser: 'chrome', session: `session-${s}` };
    for (let i = 0; i < PER_SESSION; i++) {
      const eventType = i === 0 ? 'APP_LOAD' : i === 1 ? 'WEB_VITAL' : i < 12 ? 'PAGE_VIEW' : 'CHECKOUT_STEP';
      const extra = eventType === 'WEB_VITAL' ? { metric: 'LCP', value: 1200 + s * 100, rating: 'good' } : eventType === 'CHECKOUT_STEP' ? { step: 'add-to-cart' } : {};
      docs.push({
        id: `seed-${s}-${i}`,
        timestamp: now - (s * PER_SESSION + i) * 5_000,
        data: { ...context, eventType, routeType: ROUTES[i % ROUTES.length]!, online: true, ...extra },
      } as TelemetryDocument);
    }
  }
  return docs;
}

test('the default dashboard shows the seeded events and fits a phone', async ({ page, shop }, testInfo) => {
  const seeded = await fetch(`${shop.url}/foxtrot/v1/document/storefront/bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(storefrontEvents(Date.now())) });
  expect(seeded.status).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${shop.url}/ops/login`);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  await expectAccessible(page, 'the operator login');
  await page.getByLabel('Operator token').fill(fs.readFileSync(path.join(shop.dataDir, 'ops-token'), 'utf8').trim());
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The unsaved default view may already be in the fragment.
  await expect(page).toHaveURL(/\/ops\/console(#view=.*)?$/);

  const widget = (name: string) => page.locator(`[data-testid="widget"][aria-label="${name}"]`);
  // The first answers come from a cold event store: give them longer than a page's usual wait.
  await expect(widget('Events').getByTestId('big-number')).toHaveText('120', { timeout: 30_000 });
  await expect(widget('Sessions').getByTestId('big-number')).toHaveText(String(SESSIONS));
  await expect(widget('App loads by OS').getByTestId('chart')).toHaveAttribute('aria-label', 'App loads by OS: android 4, ios 2');
  await expect(widget('Page views by route').getByTestId('chart')).toHaveAttribute('aria-label', /^Page views by route: (\w+ \d+(, )?){4}$/);
  await expect(widget('Events by type').getByTestId('chart')).toHaveAttribute('aria-label', /PAGE_VIEW: total 60/);
  await expect(widget('LCP (ms)').getByTestId('chart')).toBeVisible();
  await expect(page.getByText('No events in this window.')).toHaveCount(0);
  const table = widget('Latest events').getByTestId('result-table');
  await expect(table.locator('tbody tr')).toHaveCount(20);
  await expect(table.locator('thead')).toContainText('session');
  await snap(page, testInfo, 'console-phone');

  // Nothing sideways, the bar's actions on screen, every control a thumb's size.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const name of ['Save', 'Share', 'Sign out']) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= 390, `${name} is on screen`).toBe(true);
    expect(box.height, `${name} is 44 px tall`).toBeGreaterThanOrEqual(44);
  }
  for (const edit of await page.getByRole('button', { name: /^Edit widget/ }).all()) {
    const box = (await edit.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  }

  // The result table is reached with Tab and scrolled with the arrow keys.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'result-table');
  }
  expect(reached, 'Tab reaches the result table').toBe(true);
  await page.keyboard.press('End');
  await expect.poll(() => table.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  await expectAccessible(page, 'the console dashboard');
  await page.getByRole('tab', { name: 'FQL' }).click();
  await expectAccessible(page, 'the FQL tab');
});
