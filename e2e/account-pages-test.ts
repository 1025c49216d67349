/**
 * The pages of a logged-in shopper: a logged-out visit goes through login and comes back, the
 * profile, addresses in the Indian format with validation, the security page, orders.
 */
import type { Page } from '@playwright/test';
import { freshMobile, requestLoginCode } from './support/outbox';
import { expect, snap, test, unexpectedProblems } from './support/shop-page';
import { enterCode } from './support/account-steps';
import { expectAccessible } from './support/axe';

test('a logged-out visit to addresses logs in and comes back; addresses are added, checked, edited and deleted', async ({ page, problems }, testInfo) => {
  await page.goto('/accounts/addresses');
  await expect(page).toHaveURL(/\/accounts\/login\?next=%2Faccounts%2Faddresses$/);
  const mobile = freshMobile(11);
  await enterCode(page, await requestLoginCode(page, mobile));
  await expect(page).toHaveURL(/\/accounts\/profile\?welcome=1&next=%2Faccounts%2Faddresses$/);
  await page.getByTestId('name-input').fill('Ravi Kumar');
  await page.getByTestId('email-input').fill('ravi@');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('email-error')).toHaveText(/email address/);
  await expect(page.getByTestId('email-input')).toBeFocused();
  await page.getByTestId('email-input').fill('ravi@example.com');
  await page.getByTestId('profile-save').click();

  await expect(page).toHaveURL(/\/accounts\/addresses$/);
  await expect(page.getByTestId('no-addresses')).toBeVisible();
  await page.getByTestId('address-add').click();
  await page.getByTestId('address-name').fill('Ravi Kumar');
  await page.getByTestId('address-phone').fill('+91 98450 12345');
  await expect(page.getByTestId('address-phone')).toHaveValue('9845012345');
  await page.getByTestId('address-pin').fill('056001');
  await page.getByTestId('address-save').click();
  await expect(page.getByTestId('address-pin-error')).toHaveText(/not start with 0/);
  await expect(page.getByTestId('address-pin')).toBeFocused();
  await expect(page.getByTestId('address-pin')).toHaveAttribute('aria-describedby', 'address-pin-error');
  await expect(page.getByTestId('address-state-error')).toBeVisible();
  await snap(page, testInfo, 'address-form-errors');

  await page.getByTestId('address-pin').fill('560001');
  await page.getByTestId('address-city').fill('Bengaluru');
  await page.getByTestId('address-line1').fill('12, 4th Cross, MG Road');
  await page.getByTestId('address-landmark').fill('Opposite the metro station');
  await page.getByTestId('address-state').selectOption('Karnataka');
  await expect(page.getByTestId('address-pin-error')).toHaveCount(0);
  await page.getByTestId('address-save').click();
  const cards = page.getByTestId('address-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Default');
  await expect(cards.first()).toContainText('Bengaluru, Karnataka – 560001');

  // A second address, made the default; then the first is edited and deleted.
  await page.getByTestId('address-add').click();
  await page.getByTestId('address-name').fill('Ravi at work');
  await page.getByTestId('address-phone').fill('9845012345');
  await page.getByTestId('address-pin').fill('400001');
  await page.getByTestId('address-city').fill('Mumbai');
  await page.getByTestId('address-line1').fill('Floor 3, Nariman Point');
  await page.getByTestId('address-state').selectOption('Maharashtra');
  await page.getByText('Work (10 AM – 5 PM)').click();
  await page.getByTestId('address-save').click();
  await expect(cards).toHaveCount(2);
  await cards.filter({ hasText: 'Mumbai' }).getByTestId('address-make-default').click();
  await expect(cards.first()).toContainText('Mumbai');
  await expect(cards.first()).toContainText('Default');
  await snap(page, testInfo, 'addresses');

  const bengaluru = cards.filter({ hasText: 'Bengaluru' });
  await bengaluru.getByTestId('address-edit').click();
  await expect(page.getByTestId('address-city')).toHaveValue('Bengaluru');
  await page.getByTestId('address-city').fill('Bengaluru Urban');
  await page.getByTestId('address-save').click();
  await expect(cards.filter({ hasText: 'Bengaluru Urban' })).toHaveCount(1);
  await cards.filter({ hasText: 'Bengaluru Urban' }).getByTestId('address-delete').click();
  await page.getByTestId('address-delete-confirm').click();
  await expect(cards).toHaveCount(1);

  expect(unexpectedProblems(problems, [{ status: 401, url: /\/api\/account\/me$/ }])).toEqual([]);
});

test('profile, security and orders pages of a logged-in shopper', async ({ page, problems }, testInfo) => {
  const mobile = freshMobile(12);
  await page.goto('/accounts/login');
  await enterCode(page, await requestLoginCode(page, mobile));
  await page.getByTestId('profile-skip').click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId('account-mobile')).toHaveText(`+91******${mobile.slice(-4)}`);
  // Change and Add links are thumb-sized (WCAG 2.5.5), and the page passes axe.
  for (const link of await page.locator('.acc-details a').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expectAccessible(page, 'the account page');

  await page.getByRole('link', { name: /Profile/ }).first().click();
  await expect(page).toHaveURL(/\/accounts\/profile$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByTestId('name-input').fill('Meera Iyer');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toHaveText('Your profile is saved.');
  await snap(page, testInfo, 'profile');

  await page.goto('/accounts/security');
  await page.getByTestId('new-password-input').fill('short');
  await page.getByTestId('password-save').click();
  await expect(page.getByTestId('new-password-error')).toHaveText(/at least 8/);
  await page.getByTestId('new-password-input').fill('a long enough passphrase');
  await page.getByTestId('password-save').click();
  await expect(page.getByTestId('two-step-status')).toHaveText('On');
  await expect(page.getByTestId('security-note')).toContainText('2-step verification is on');
  await snap(page, testInfo, 'security');
  await page.getByTestId('password-remove').click();
  await page.getByTestId('password-remove-confirm').click();
  await expect(page.getByTestId('two-step-status')).toHaveText('Off');

  await page.goto('/accounts/orders');
  await expect(page.getByTestId('no-orders')).toContainText('No orders yet');
  // Its own picture, not the "page not found" one.
  await expect(page.getByTestId('no-orders').locator('svg.empty-art')).toHaveAttribute('data-art', 'orders');
  await expectAccessible(page, 'the orders page');
  await expect(page.getByRole('link', { name: 'Start shopping' })).toHaveAttribute('href', '/');
  // Notifications have a page of their own now: any link to them goes there, none goes nowhere.
  for (const link of await page.getByRole('link', { name: /notifications/i }).all()) await expect(link).toHaveAttribute('href', '/accounts/notifications');
  expect(problems.list).toEqual([]);
});
