/** Helpers for the auth and account HTTP tests: answers, the SMS outbox and logging in. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Answer, Browser } from '../support/browser';
import type { TestServer } from '../support/server';

/** Asserts an error answer's status and stable code; answers its details. */
export function assertError(answer: Answer, status: number, code: string): any {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body?.error?.code, code, JSON.stringify(answer.body));
  return answer.body.error.details;
}

export function assertOk(answer: Answer, status = 200): any {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  return answer.body;
}

export interface SentSms {
  to: string;
  body: string;
  at: number;
}

/** Every SMS the server wrote to its outbox. */
export function outbox(server: TestServer): SentSms[] {
  const file = path.join(server.config.dataDir, 'outbox', 'sms.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line) as SentSms);
}

/** The code of the last SMS to `mobile` (`+91…`). */
export function lastCode(server: TestServer, mobile: string): string {
  const sms = outbox(server).filter((m) => m.to === mobile).at(-1);
  assert.ok(sms, `no SMS to ${mobile}`);
  const match = /#(\d{6})$/.exec(sms.body);
  assert.ok(match, sms.body);
  return match[1]!;
}

/** A code that is not `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

let counter = 0;
/** A fresh mobile number for each test, so limits of one test never touch another. */
export function freshMobile(): string {
  counter += 1;
  return `9${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(6, '0')}`;
}

/** Identifies and verifies: a logged-in browser for `mobile` (10 digits). */
export async function login(server: TestServer, browser: Browser, mobile: string): Promise<any> {
  assertOk(await browser.post('/api/auth/identify', { mobile }));
  return assertOk(await browser.post('/api/auth/otp/verify', { mobile, code: lastCode(server, `+91${mobile}`) }));
}
