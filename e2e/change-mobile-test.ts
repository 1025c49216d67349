/**
 * Changing the mobile number, with the codes read from the server's SMS outbox: the code goes to
 * the new number (after a step-up by code to the current one when the server asks for it), the
 * account shows the new number and logs in with it; a number with an account is refused.
 */
import type { Page } from '@playwright/test';
import { codeFor, freshMobile, requestLoginCode, smsCount } from './support/outbox';
import { expect, snap, test, unexpectedProblems } from './support/shop-page';
import { enterCode, signUp } from './support/account-steps';

/** Sign-up, landing on the account home. */
async function signUpHome(page: Page, mobile: string): Promise<void> {
  await signUp(page, mobile);
  await expect(page).toHaveURL(/\/accounts$/);
}

// The narrowest phones the shop supports.
test.use({ viewport: { width: 360, height: 780 } });

const masked = (mobile: string): string => `+91******${mobile.slice(-4)}`;

/** Asks for a change to `mobile` and returns the code texted to it. */
async function requestChangeCode(page: Page, mobile: string): Promise<string> {
  const before = await smsCount(mobile);
  await page.getByTestId('mobile-input').fill(mobile);
  await page.getByTestId('mobile-change-send').click();
  await expect(page.getByTestId('masked-mobile')).toHaveText(masked(mobile));
  return codeFor(mobile, before);
}

test('the number changes with a code to the new number, after a step-up by the current one; the new number logs in', async ({ page, problems }, testInfo) => {
  const first = freshMobile(31);
  const second = freshMobile(32);
  await signUpHome(page, first);
  await expect(page.getByTestId('account-mobile')).toHaveText(masked(first));
  await page.getByTestId('account-mobile-change').click();
  await expect(page).toHaveURL(/\/accounts\/mobile$/);
  await expect(page.getByTestId('current-mobile')).toHaveText(masked(first));

  // Checked as login checks it, and the current number is refused before asking the server.
  const input = page.getByTestId('mobile-input');
  await input.fill('5123456789');
  await page.getByTestId('mobile-change-send').click();
  await expect(page.getByTestId('mobile-error')).toHaveText(/start with 6, 7, 8 or 9/);
  await input.fill(first);
  await page.getByTestId('mobile-change-send').click();
  await expect(page.getByTestId('mobile-error')).toHaveText('This is already your mobile number.');
  await input.fill(`+91 ${second.slice(0, 5)} ${second.slice(5)}`);
  await expect(input).toHaveValue(second);
  await snap(page, testInfo, '1-new-number');

  // The login is fresh, so the server would not ask for a step-up: answer the first request as a
  // login older than 10 minutes does, and the page confirms it is the shopper by the current number.
  let asked = 0;
  await page.route('**/api/account/mobile/change/start', async (route) => {
    if (asked++ > 0) return route.continue();
    await route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'step-up-required', message: 'For your security, confirm it is you with a code sent to your mobile.' } }),
    });
  });
  const firstBefore = await smsCount(first);
  const secondBefore = await smsCount(second);
  await page.getByTestId('mobile-change-send').click();
  await expect(page.getByTestId('step-up')).toContainText(masked(first));
  await expect(page.getByTestId('otp-input')).toHaveAttribute('autocomplete', 'one-time-code');
  await snap(page, testInfo, '2-step-up');
  await enterCode(page, await codeFor(first, firstBefore));

  // Then the code goes to the new number, and only there.
  await expect(page.getByTestId('masked-mobile')).toHaveText(masked(second));
  const code = await codeFor(second, secondBefore);
  expect(await smsCount(first)).toBe(firstBefore + 1);
  await expect(page.getByTestId('otp-input')).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByTestId('otp-input')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByTestId('otp-input')).toBeFocused();
  await expect(page.getByTestId('resend-timer')).toContainText(/0:(2\d|30)/);
  const wrong = code === '000000' ? '111111' : '000000';
  await enterCode(page, wrong);
  await expect(page.getByTestId('otp-code-error')).toHaveText(/4 attempts left/);
  await snap(page, testInfo, '3-code');
  await enterCode(page, code);
  await expect(page.getByTestId('mobile-changed')).toHaveText(`Your mobile number is now ${masked(second)}. Use it to log in from now on.`);
  await expect(page.getByTestId('current-mobile')).toHaveText(masked(second));
  await snap(page, testInfo, '4-changed');

  await page.getByRole('link', { name: 'Back to my account' }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId('account-mobile')).toHaveText(masked(second));
  await page.goto('/accounts/security');
  await expect(page.getByTestId('security-mobile')).toHaveText(masked(second));
  await snap(page, testInfo, '5-security');

  // The new number is the login now.
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);
  await enterCode(page, await requestLoginCode(page, second));
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId('account-mobile')).toHaveText(masked(second));
  expect(
    unexpectedProblems(problems, [
      { status: 403, url: /\/api\/account\/mobile\/change\/start$/ },
      { status: 400, url: /\/api\/account\/mobile\/change\/verify$/ },
    ]),
  ).toEqual([]);
});

test('a number that has an account is refused, in words, after its code', async ({ page, problems }, testInfo) => {
  const taken = freshMobile(33);
  const mine = freshMobile(34);
  await signUpHome(page, taken);
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/accounts\/login$/);
  await signUpHome(page, mine);

  await page.goto('/accounts/security');
  await expect(page.getByTestId('security-mobile')).toHaveText(masked(mine));
  await page.getByTestId('mobile-change-link').click();
  await expect(page).toHaveURL(/\/accounts\/mobile$/);
  await enterCode(page, await requestChangeCode(page, taken));
  await expect(page.getByTestId('mobile-error')).toHaveText(/^Another account already uses this mobile number\./);
  await expect(page.getByTestId('mobile-input')).toHaveValue(taken);
  await expect(page.getByTestId('mobile-input')).toBeFocused();
  await expect(page.getByTestId('current-mobile')).toHaveText(masked(mine));
  await snap(page, testInfo, 'mobile-taken');
  expect(unexpectedProblems(problems, [{ status: 409, url: /\/api\/account\/mobile\/change\/verify$/ }])).toEqual([]);
});
