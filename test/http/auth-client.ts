/** Helpers for the auth and account HTTP tests: a browser-like cookie jar and the SMS outbox. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TestServer } from '../support/server';

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One browser: keeps the cookies the server sets and sends them back, like a same-origin page. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header seen, raw, newest last. */
  readonly setCookies: string[] = [];

  constructor(private readonly server: TestServer) {}

  async send(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const all: Record<string, string> = {
      accept: 'application/json',
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
      ...headers,
    };
    const res = await fetch(this.server.url + urlPath, {
      method,
      // An empty value drops the header, e.g. `sec-fetch-site: ''` for an older browser that sends only Origin.
      headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== '')),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  post(urlPath: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
    return this.send('POST', urlPath, body, headers);
  }

  get(urlPath: string): Promise<Answer> {
    return this.send('GET', urlPath);
  }

  session(): string | undefined {
    return this.cookies.get('__Host-sf_session');
  }
}

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
