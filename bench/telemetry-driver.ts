/**
 * The telemetry benchmarks' load generator: shop-like events (the storefront's own fields, as
 * `apps/kit/src/telemetry` sends them) posted in bulk over keep-alive `node:http` connections by
 * concurrent clients in a child process (its own core), each body a copy of a template with the
 * request's number written into its ids. Every 201 means the batch is committed.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const EVENT_TYPES = ['PAGE_VIEW', 'PAGE_VIEW', 'PAGE_VIEW', 'WEB_VITAL', 'WEB_VITAL', 'APP_LOAD', 'CHECKOUT_STEP'];
const ROUTE_TYPES = ['home', 'search', 'browse', 'product', 'cart', 'checkout', 'accounts'];
const OSES = ['android', 'ios', 'windows', 'macos', 'linux'];
const BROWSERS = ['chrome', 'safari', 'firefox', 'samsung'];
const METRICS = ['LCP', 'FCP', 'TTFB', 'INP', 'CLS'];

/** The `data` of event number i: the context every storefront event carries, and its own fields. */
export function shopEvent(i: number): Record<string, unknown> {
  const eventType = EVENT_TYPES[i % EVENT_TYPES.length]!;
  const data: Record<string, unknown> = {
    eventType,
    app: i % 5 === 0 ? 'checkout' : 'home-browse-product',
    release: `2026.11.${i % 4}`,
    appVersion: { major: `${i % 7}`, minor: i % 12 },
    routeType: ROUTE_TYPES[i % ROUTE_TYPES.length],
    os: OSES[i % OSES.length],
    osVersion: `${10 + (i % 5)}`,
    browser: BROWSERS[i % BROWSERS.length],
    session: `s${i % 20_000}`,
    online: i % 20 !== 0,
    lcp: (i * 7919) % 5000,
  };
  if (eventType === 'WEB_VITAL') Object.assign(data, { metric: METRICS[i % METRICS.length], value: ((i * 7919) % 500_000) / 100, rating: i % 3 ? 'good' : 'poor' });
  if (eventType === 'PAGE_VIEW') data.navigation = i % 4 ? 'client' : 'load';
  if (eventType === 'CHECKOUT_STEP') Object.assign(data, { step: 'add-to-cart', productId: `p${i % 2400}`, quantity: 1 + (i % 3) });
  return data;
}

/** Where each request's number goes in every id of a body (10 digits), so that no id repeats. */
const REQUEST_MARK = '##########';

export interface DriveOptions {
  url: string;
  seconds: number;
  batch: number;
  concurrency: number;
  /** Event timestamps: now (the default), or spread evenly back over this many ms. */
  spreadMs?: number;
  /** Stop after this many events (0: no limit). */
  maxEvents?: number;
  /** Starts every id, so that two runs against one table post different ids. */
  idPrefix?: string;
}

export interface Driven {
  events: number;
  seconds: number;
  /** CPU of the load generator, µs. */
  cpu: number;
}

/** Bodies of `batch` documents whose ids start with the request mark, and the mark's offsets. */
function templates(options: DriveOptions): { bytes: Buffer; marks: number[] }[] {
  const now = Date.now();
  return Array.from({ length: 40 }, (_, variant) => {
    const docs = Array.from({ length: options.batch }, (_, n) => {
      const i = variant * options.batch + n;
      return { id: `${options.idPrefix ?? ''}${REQUEST_MARK}-${n}`, timestamp: now, data: shopEvent(i) };
    });
    const bytes = Buffer.from(JSON.stringify(docs));
    const marks: number[] = [];
    for (let at = bytes.indexOf(REQUEST_MARK); at !== -1; at = bytes.indexOf(REQUEST_MARK, at + 1)) marks.push(at);
    return { bytes, marks };
  });
}

/** Posts bodies until the time or the event count is up. */
async function drive(options: DriveOptions): Promise<Driven> {
  const before = process.cpuUsage();
  const spread = options.spreadMs !== undefined && options.maxEvents;
  const bodies = spread ? [] : templates(options);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const start0 = Date.now();
  let requestNumber = 0;
  const nextBody = (): Buffer => {
    const n = requestNumber++;
    if (spread) {
      // Spread over the past: event i at an even share of the window, oldest first.
      const docs: string[] = [];
      for (let k = 0; k < options.batch; k++) {
        const i = n * options.batch + k;
        const timestamp = start0 - options.spreadMs! + Math.floor((i / options.maxEvents!) * options.spreadMs!);
        docs.push(`{"id":"e${i}","timestamp":${timestamp},"data":${JSON.stringify(shopEvent(i))}}`);
      }
      return Buffer.from(`[${docs.join(',')}]`);
    }
    const { bytes, marks } = bodies[n % bodies.length]!;
    const copy = Buffer.from(bytes);
    const digits = String(n).padStart(REQUEST_MARK.length, '0');
    for (const at of marks) copy.write(digits, at, 'latin1');
    return copy;
  };
  const post = (body: Buffer) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(options.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}: ${Buffer.concat(chunks).toString()}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  let events = 0;
  const end = performance.now() + options.seconds * 1000;
  const limit = options.maxEvents || Infinity;
  const client = async () => {
    while (performance.now() < end && requestNumber * options.batch < limit) {
      await post(nextBody());
      events += options.batch;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, client));
  agent.destroy();
  const used = process.cpuUsage(before);
  return { events, seconds: (performance.now() - start) / 1000, cpu: used.user + used.system };
}

/** Runs the load generator in a child process, so it does not share the server's event loop. */
export function driveInChild(options: DriveOptions): Promise<Driven> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as Driven));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the load generator exited with ${code}`)));
  });
}

if (process.send && process.argv[2]?.startsWith('{')) {
  const driven = await drive(JSON.parse(process.argv[2]) as DriveOptions);
  process.send(driven, () => process.exit(0));
}
