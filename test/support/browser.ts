/**
 * A browser for HTTP tests: keeps the cookies the server sets (and drops the ones it clears), sends
 * them back with the headers a same-origin page sends, and parses JSON answers. One instance is one
 * browser; tests that need two shoppers make two.
 */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One browser: keeps the cookies the server sets and sends them back, like a same-origin page. */
export class Browser {
  /** Every Set-Cookie header seen, raw, newest last. */
  readonly setCookies: string[] = [];

  /** `cookies` may be another Browser's, for one browser whose requests reach several servers (cluster tests). */
  constructor(
    private readonly baseUrl: string,
    readonly cookies = new Map<string, string>(),
  ) {}

  async send(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const all: Record<string, string> = {
      accept: 'application/json',
      'sec-fetch-site': 'same-origin',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
      // Header names are case-insensitive: a test's own header replaces the default, whatever its case.
      ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    };
    const res = await fetch(this.baseUrl + urlPath, {
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

/** The JSON in an answer's text, or undefined when it is not JSON (an HTML page, CSV, plain text). */
export function jsonOrUndefined(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
