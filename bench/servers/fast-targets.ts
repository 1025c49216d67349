/**
 * The servers the page-view, fast-path and sale benchmarks compare, each alone in this child
 * process so that the load generator has the other core:
 *   shop       the shop as `npm start` runs it (its own request listener, then Express)
 *   node-http  bare node:http writing bytes the shop answered with, from Buffers (the ceiling):
 *              per path, the status, the few headers that make the answer usable (type, coding,
 *              length, the Link preload) and the body, in each coding the parent recorded
 * The parent talks over IPC: `{port}` once listening; `{type: 'stats'}` → memory and the shop's
 * answer stats; `{type: 'hot', id, everyMs}` → changes that product's stock every `everyMs`, as an
 * operator's restock would (commit, then notify with the product), reporting each `{stock, at}`.
 * Usage: tsx bench/servers/fast-targets.ts <shop|node-http> <dataDir> [recorded.json]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, type ShopApp } from '../../server/app';
import { notifyCatalogChanged } from '../../server/catalog/catalog-events';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/http/logger';
import { openStore, type Store } from '../../server/store/database';

const [target, dataDir, recordedFile] = process.argv.slice(2) as [string, string, string | undefined];

/** What the parent recorded of the shop's answers: path → coding → answer. */
export type Recorded = Record<string, Record<string, { status: number; headers: Record<string, string>; body: string /* base64 */ }>>;

/** The headers the bare baseline sends: what a client needs to use the bytes, nothing else. */
export const BASELINE_HEADERS = ['content-type', 'content-encoding', 'link'];

function nodeHttp(recorded: Recorded): http.Server {
  const answers = new Map(
    Object.entries(recorded).map(([path, codings]) => [
      path,
      Object.fromEntries(
        Object.entries(codings).map(([coding, answer]) => {
          const body = Buffer.from(answer.body, 'base64');
          const headers = Object.entries(answer.headers).filter(([name]) => BASELINE_HEADERS.includes(name)).flat();
          return [coding, { status: answer.status, headers: [...headers, 'Content-Length', String(body.length)], body }];
        }),
      ),
    ]),
  );
  return http.createServer((req, res) => {
    const codings = answers.get(req.url ?? '');
    if (!codings) {
      res.writeHead(404).end();
      return;
    }
    const accept = req.headers['accept-encoding'] ?? '';
    const answer = (accept.includes('br') && codings.br) || (accept.includes('gzip') && codings.gzip) || codings.identity!;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
}

/** Changes `id`'s stock every `everyMs` ms: 1000, 1001, 1002… (never out of stock, every value new). */
function changeStock(store: Store, id: string, everyMs: number): void {
  let stock = 1000;
  let busy = false;
  setInterval(() => {
    if (busy) return; // a slow store skips a beat rather than piling writes up
    busy = true;
    const next = ++stock;
    void store.db
      .updateTable('products')
      .set({ stock: next })
      .where('id', '=', id)
      .execute()
      .then(() => {
        const at = Date.now();
        process.send?.({ type: 'stock', stock: next, at });
        return notifyCatalogChanged(store, { products: [id] });
      })
      .finally(() => (busy = false));
  }, everyMs);
}

async function main(): Promise<http.Server> {
  if (target === 'node-http') return nodeHttp(JSON.parse(fs.readFileSync(recordedFile!, 'utf8')) as Recorded);
  if (target !== 'shop') throw new TypeError(`unknown target ${target}`);
  // Telemetry of this run only: API timings of earlier runs (millions a day) are not this run's work.
  const telemetryDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-telemetry-'));
  process.on('exit', () => fs.rmSync(telemetryDir, { recursive: true, force: true }));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, TELEMETRY_DIR: telemetryDir, LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  const shop: ShopApp = await createApp({ config, store, logger: createLogger('silent'), now: Date.now });
  await shop.answers.warmed();
  process.on('message', (message: { type: string; id?: string; everyMs?: number }) => {
    if (message.type === 'stats') {
      const memory = process.memoryUsage();
      process.send?.({ type: 'stats', rss: memory.rss, heapUsed: memory.heapUsed, answers: shop.answers.stats() });
    } else if (message.type === 'hot') {
      changeStock(store, message.id!, message.everyMs!);
    }
  });
  return http.createServer(shop.listener);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
main().then(
  (server) =>
    server.listen(0, '127.0.0.1', () => {
      process.send?.({ type: 'listening', port: (server.address() as AddressInfo).port });
    }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
