/**
 * Logging in by mobile number and SMS code, with the codes read from the server's SMS outbox:
 * sign-up and login, a code voided by wrong guesses, a forgotten password with 2-step login,
 * signing out every browser, and the guest cart following the shopper into the account.
 */
import type { Page } from '@playwright/test';
import { codeFor, freshMobile, requestLoginCode, smsCount } from './support/outbox';
import { expect, snap, test, unexpectedProblems } from './support/shop-page';
import { enterCode, signUp } from './support/account-steps';

// Some journeys must wait out the 30 s resend cooldown, as a shopper would.
test.describe.configure({ timeout: 120_000 });

/** A second login within 30 s of the last code is refused (`otp-resend-cooldown`) by design. */
const COOLDOWN = { status: 429, url: /\/api\/auth\/identify$/ };

/** Logs a known number in again within 30 s of its last code: wait for the timer, then resend. */
async function codeAfterCooldown(page: Page, mobile: string): Promise<string> {
  const before = await smsCount(mobile);
  await page.getByTestId('mobile-input').fill(mobile);
  await page.getByTestId('request-otp').click();
  await expect(page).toHaveURL(/\/accounts\/verify/);
  if ((await smsCount(mobile)) > before) return codeFor(mobile, before);
  await expect(page.getByTestId('resend')).toBeVisible({ timeout: 35_000 });
  await page.getByTestId('resend').click();
  await expect(page.getByTestId('otp-notice')).toContainText('We sent a new code');
  return codeFor(mobile, before);
}

test('a new number signs up with the SMS code, signs out and logs in again', async ({ page, problems }, testInfo) => {
  const mobile = freshMobile(1);
  await page.goto('/accounts/login');
  const input = page.getByTestId('mobile-input');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('autocomplete', 'tel-national');
  await expect(input).toHaveAttribute('inputmode', 'numeric');

  // The number is checked as the server checks it, and a pasted +91 number is cleaned.
  await input.fill('5123456789');
  await page.getByTestId('request-otp').click();
  await expect(page.getByTestId('mobile-error')).toHaveText(/start with 6, 7, 8 or 9/);
  await expect(input).toHaveAttribute('aria-describedby', /mobile-error/);
  await input.fill(`+91 ${mobile.slice(0, 5)} ${mobile.slice(5)}`);
  await expect(input).toHaveValue(mobile);
  await snap(page, testInfo, '1-login');

  const code = await requestLoginCode(page, mobile);
  await expect(page.getByTestId('masked-mobile')).toHaveText(`+91******${mobile.slice(-4)}`);
  await expect(page.getByTestId('otp-input')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByTestId('otp-input')).toBeFocused();
  await expect(page.getByTestId('resend-timer')).toContainText(/0:(2\d|30)/);
  await snap(page, testInfo, '2-otp-entry');

  await enterCode(page, code);
  await expect(page).toHaveURL(/\/accounts\/profile\?welcome=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Storefront!');
  await page.getByTestId('name-input').fill('Asha Rao');
  await page.getByTestId('profile-save').click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId('account-name').first()).toHaveText('Asha Rao');
  await expect(page.getByTestId('account-link')).toContainText('Account');
  await snap(page, testInfo, '3-account-home');

  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);
  await expect(page.getByTestId('login-notice')).toHaveText('You have signed out.');
  await expect(page.getByTestId('account-link')).toContainText('Login');

  await enterCode(page, await codeAfterCooldown(page, mobile));
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId('account-name').first()).toHaveText('Asha Rao');
  expect(unexpectedProblems(problems, [COOLDOWN])).toEqual([]);
});

test('five wrong codes void the code: the right one no longer works', async ({ page, problems }, testInfo) => {
  const mobile = freshMobile(2);
  await page.goto('/accounts/login');
  const code = await requestLoginCode(page, mobile);
  const wrong = code === '000000' ? '111111' : '000000';
  for (let left = 4; left >= 1; left--) {
    await enterCode(page, wrong);
    await expect(page.getByTestId('otp-code-error')).toHaveText(new RegExp(`${left} attempts? left`));
  }
  await snap(page, testInfo, 'one-attempt-left');
  await enterCode(page, wrong);
  await expect(page.getByTestId('otp-code-error')).toContainText('Ask for a new one');

  await enterCode(page, code);
  await expect(page.getByTestId('otp-code-error')).toContainText(/request a new code|ask for a new one/i);
  await expect(page).toHaveURL(/\/accounts\/verify/);
  await snap(page, testInfo, 'code-void');
  expect(unexpectedProblems(problems, [
    { status: 400, url: /\/api\/auth\/otp\/verify$/ },
    { status: 429, url: /\/api\/auth\/otp\/verify$/ },
  ])).toEqual([]);
});

test('a forgotten password is reset by SMS code, then 2-step login takes the new one', async ({ page, problems }, testInfo) => {
  const mobile = freshMobile(3);
  await signUp(page, mobile);
  await page.goto('/accounts/security');
  await expect(page.getByTestId('two-step-status')).toHaveText('Off');
  await page.getByTestId('new-password-input').fill('first secret words');
  await page.getByTestId('password-save').click();
  await expect(page.getByTestId('two-step-status')).toHaveText('On');
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);

  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(/\/accounts\/forgot$/);
  await page.getByTestId('mobile-input').fill(mobile);
  const before = await smsCount(mobile);
  await page.getByTestId('forgot-send').click();
  await enterCode(page, await codeFor(mobile, before));
  await page.getByTestId('new-password-input').fill('short');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('new-password-error')).toHaveText(/at least 8/);
  await page.getByTestId('new-password-input').fill('a brand new passphrase');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByTestId('reset-done')).toBeVisible();
  await snap(page, testInfo, 'password-reset');

  await page.getByTestId('reset-login').click();
  await expect(page.getByTestId('mobile-input')).toHaveValue(mobile);
  await enterCode(page, await codeAfterCooldown(page, mobile));
  await expect(page).toHaveURL(/\/accounts\/password$/);
  await page.getByTestId('password-input').fill('first secret words');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('password-error')).toHaveText('That password is not right.');
  await page.getByTestId('password-input').fill('a brand new passphrase');
  await page.getByTestId('password-submit').click();
  await expect(page).toHaveURL(/\/accounts$/);
  expect(unexpectedProblems(problems, [COOLDOWN, { status: 401, url: /\/api\/auth\/password\/verify$/ }])).toEqual([]);
});

test('signing out of every device ends the login in another browser', async ({ page, browser, problems }, testInfo) => {
  const mobile = freshMobile(4);
  await signUp(page, mobile);
  await expect(page).toHaveURL(/\/accounts$/);

  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 412, height: 915 } });
  const otherPage = await other.newPage();
  await otherPage.goto('/accounts/login');
  await enterCode(otherPage, await codeAfterCooldown(otherPage, mobile));
  await expect(otherPage).toHaveURL(/\/accounts$/);

  await page.goto('/accounts/security');
  await snap(page, testInfo, 'security');
  await page.getByTestId('sign-out-everywhere').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);
  await expect(page.getByTestId('login-notice')).toHaveText('You have signed out of every device.');

  await otherPage.goto('/accounts/profile');
  await expect(otherPage).toHaveURL(/\/accounts\/login\?next=%2Faccounts%2Fprofile$/);
  await other.close();
  expect(unexpectedProblems(problems, [COOLDOWN])).toEqual([]);
});

test('the guest cart joins the account on login and the header shows it', async ({ page, problems }, testInfo) => {
  await page.goto('/mobiles/pr');
  await page.getByTestId('product-card').first().click();
  await expect(page.getByTestId('add-to-cart')).toBeEnabled();
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  const productName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';

  const mobile = freshMobile(5);
  await page.goto('/accounts/login?next=%2Fcart');
  await enterCode(page, await requestLoginCode(page, mobile));
  await expect(page).toHaveURL(/\/accounts\/profile\?welcome=1&next=%2Fcart$/);
  await expect(page.getByTestId('cart-badge')).toHaveText('1');
  await page.getByTestId('profile-skip').click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line')).toContainText(productName.slice(0, 20));
  await snap(page, testInfo, 'merged-cart');
  expect(problems.list).toEqual([]);
});
