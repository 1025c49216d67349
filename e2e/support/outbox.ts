/**
 * The development SMS outbox (`DATA_DIR/outbox/sms.jsonl`) of the server the tests run against:
 * where the tests read the codes a shopper would get by SMS.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { e2eDataDir } from './data-dir';

export interface Sms {
  to: string;
  body: string;
  at: number;
}

function outboxFile(dataDir: string): string {
  return path.join(dataDir, 'outbox', 'sms.jsonl');
}

/** Every SMS sent so far (none before the first), by the shared server or the one whose `dataDir` is given. */
export async function readOutbox(dataDir = e2eDataDir()): Promise<Sms[]> {
  const text = await fs.readFile(outboxFile(dataDir), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Sms);
}

/** How many SMS went to `mobile` (10 digits) so far: pass it to `codeFor` to wait for the next one. */
export async function smsCount(mobile: string, dataDir = e2eDataDir()): Promise<number> {
  return (await readOutbox(dataDir)).filter((sms) => sms.to === `+91${mobile}`).length;
}

/**
 * The code of SMS number `index` (0-based) to `mobile`, waiting for it to arrive; the code is read
 * from the WebOTP line ("@host #123456") that ends every code SMS.
 */
export async function codeFor(mobile: string, index: number, dataDir = e2eDataDir()): Promise<string> {
  let sms: Sms | undefined;
  await expect
    .poll(async () => {
      sms = (await readOutbox(dataDir)).filter((s) => s.to === `+91${mobile}`)[index];
      return sms !== undefined;
    }, { message: `SMS ${index} to ${mobile}` })
    .toBe(true);
  const code = /@[^\s]+ #(\d{6})\s*$/.exec(sms!.body)?.[1];
  if (!code) throw new Error(`no WebOTP line in the SMS: ${sms!.body}`);
  return code;
}

/** Sends a code to `mobile` from the login page and waits until the SMS is in the outbox. */
export async function requestLoginCode(page: Page, mobile: string, dataDir = e2eDataDir()): Promise<string> {
  const before = await smsCount(mobile, dataDir);
  await page.getByTestId('mobile-input').fill(mobile);
  await page.getByTestId('request-otp').click();
  await expect(page).toHaveURL(/\/accounts\/verify/);
  return codeFor(mobile, before, dataDir);
}

/** A fresh, valid 10-digit number for each test run, so tests never share lockouts or cooldowns. */
export function freshMobile(seed: number): string {
  const tail = String((Date.now() * 7 + seed * 7919) % 1_000_000_000).padStart(9, '0');
  return `9${tail}`;
}
