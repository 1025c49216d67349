/**
 * The shop, started alone in this child process for the order benchmarks (so the load generator in
 * the parent has the other core, and the crash benchmark can kill it with SIGKILL). It serves the
 * store named by DATA_DIR / DATABASE_URL / DATABASE_SCHEMA and tells the parent its port.
 * Usage: tsx bench/servers/order-server.ts [port]
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/http/logger';
import { openStore } from '../../server/store/database';

const config = loadConfig();
const store = await openStore(config);
const shop = await createApp({ config, store, logger: createLogger(config.logLevel), now: Date.now });
// The shop's own listener, as server/main.ts serves it: what it answers before Express is measured too.
const server = http.createServer(shop.listener).listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port });
});
// Keep-alive longer than the load generator's idle gaps, as behind a load balancer.
server.keepAliveTimeout = 30_000;
// A polite stop exits normally, so a `--cpu-prof` profile is written.
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void store.close().then(() => process.exit(0));
});
// BENCH_LOOP_DELAY=1 prints, each second, how long the event loop was kept from turning (stalls show up in every request's latency).
if (process.env.BENCH_LOOP_DELAY) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  setInterval(() => {
    console.error(`event loop delay: p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`);
    delay.reset();
  }, 1000).unref();
}
