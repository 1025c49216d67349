/** Steps of the accounts journeys that several tests take. */
import { expect, type Page } from '@playwright/test';
import { requestLoginCode } from './outbox';

/** Types a code into the OTP entry and submits it. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByTestId('otp-input').fill(code);
  await page.getByTestId('otp-submit').click();
}

/** Signs a new number up and skips the name step; ends on `/accounts` (or the page's `next`). */
export async function signUp(page: Page, mobile: string): Promise<void> {
  await page.goto('/accounts/login');
  await enterCode(page, await requestLoginCode(page, mobile));
  await expect(page).toHaveURL(/\/accounts\/profile\?welcome=1/);
  await page.getByTestId('profile-skip').click();
}
