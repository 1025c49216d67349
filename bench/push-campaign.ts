/**
 * A push campaign to 10,000 subscriptions against the test push service (HTTPS, VAPID checked, one
 * payload in 50 decrypted as a check, as a real push service decrypts none) running in a process of its own; one in ten subscriptions answers 410
 * and must be deleted. Measured: sends per second, peak memory growth of the shop's process during
 * the campaign, and the 410s cleaned up. Baseline in the same run: the same number of raw HTTPS
 * POSTs to the same service over the same kind of connection pool (no encryption, no VAPID, no
 * store, no telemetry). Three rounds, baseline and campaign interleaved; medians printed.
 * Run: npx tsx bench/push-campaign.ts [subscriptions]   (uses the last build in dist/)
 */
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createCampaign } from '../server/push/campaigns/create-campaign';
import { forEachWithLimit } from '../server/push/send-pool';
import type { TestSubscription } from '../test/support/push-service';
import { startServer } from '../test/support/server';

const COUNT = Number(process.argv[2] ?? 10_000);
const GONE_EVERY = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 64;
const TARGET_PER_S = 1500;
const MEMORY_LIMIT_MB = 256;

interface Service {
  origin: string;
  caFile: string;
  ask<T>(message: object, answer: string): Promise<T>;
  close(): void;
}

async function startService(): Promise<Service> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./servers/push-service-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string) => new Promise<T>((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
  });
  const ready = await next<{ origin: string; caFile: string }>('ready');
  return {
    ...ready,
    ask: (message, answer) => {
      const waiting = next<any>(answer);
      child.send(message);
      return waiting;
    },
    close: () => child.send({ type: 'close' }),
  };
}

/** The baseline: raw HTTPS POSTs of a payload-sized body to the service, same pool size. */
async function rawPosts(service: Service, count: number): Promise<number> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: CONCURRENCY, ca: fs.readFileSync(service.caFile) });
  const body = crypto.randomBytes(300);
  const started = performance.now();
  await forEachWithLimit(Array.from({ length: count }, (_, i) => i), CONCURRENCY, (i) =>
    new Promise<void>((resolve, reject) => {
      const req = https.request(`${service.origin}/raw/${i}`, { method: 'POST', agent, headers: { 'content-type': 'application/octet-stream', 'content-length': body.length, ttl: '60' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return count / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  const service = await startService();
  const server = await startServer('sqlite', {
    env: { PUSH_TEST_SERVICE: service.origin, PUSH_TEST_SERVICE_CA: service.caFile, PUSH_QUIET_HOURS: 'off', PUSH_CAMPAIGN_CAP: '100', PUSH_CONCURRENCY: String(CONCURRENCY), PUBLIC_ORIGIN: 'https://shop.example' },
  });
  const { db } = server.store;
  const rates: number[] = [];
  const baselines: number[] = [];
  const memory: number[] = [];
  let allGoneDeleted = true;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      baselines.push(await rawPosts(service, COUNT));

      // A fresh audience each round: the last round's 410s are gone, as they should be.
      await db.deleteFrom('push_subscriptions').execute();
      const { subscriptions } = await service.ask<{ subscriptions: TestSubscription[] }>({ type: 'subscribe', count: COUNT, goneEvery: GONE_EVERY }, 'subscriptions');
      const now = Date.now();
      for (let i = 0; i < subscriptions.length; i += 500) {
        await db
          .insertInto('push_subscriptions')
          .values(subscriptions.slice(i, i + 500).map((s) => ({ id: crypto.randomUUID(), endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, account_id: null, device_hash: null, topics: 'offers', categories: '', label: 'Bench', created_at: now, updated_at: now })))
          .execute();
      }
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      server.clock.now = Date.now();
      const started = performance.now();
      const campaign = await createCampaign({ store: server.store, config: server.config, now: () => server.clock.now }, server.shop.push, { title: 'Bench sale', body: 'Everything 10% off today only.', url: '/' });
      await server.shop.push.campaigns.kick();
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      await server.shop.push.flushTelemetry();
      const row = await db.selectFrom('push_campaigns').select(['counts', 'status']).where('id', '=', campaign.id).executeTakeFirstOrThrow();
      const counts = JSON.parse(row.counts ?? '{}') as { delivered: number; gone: number; failed: number };
      const left = Number((await db.selectFrom('push_subscriptions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const expectedGone = Math.ceil(COUNT / GONE_EVERY);
      const cleaned = counts.gone === expectedGone && left === COUNT - expectedGone;
      allGoneDeleted &&= cleaned;
      rates.push(COUNT / seconds);
      memory.push((peak - before) / 1024 / 1024);
      const served = (await service.ask<{ counts: { decrypted: number; byStatus: Record<number, number> } }>({ type: 'counts' }, 'counts')).counts;
      allGoneDeleted &&= counts.failed === 0 && !served.byStatus[400];
      console.log(
        `round ${round}: baseline ${baselines.at(-1)!.toFixed(0)} POST/s; campaign ${(COUNT / seconds).toFixed(0)} sends/s (${seconds.toFixed(2)} s: ${counts.delivered} delivered, ${counts.gone} gone, ${counts.failed} failed), peak RSS +${memory.at(-1)!.toFixed(0)} MB, 410s cleaned: ${cleaned ? 'yes' : `NO (${left} left)`}; the service decrypted ${served.decrypted} pushes so far, all well formed: ${served.byStatus[400] ? 'NO' : 'yes'}`,
      );
    }
  } finally {
    await server.close();
    service.close();
  }
  const rate = median(rates);
  const baseline = median(baselines);
  const peakMb = Math.max(...memory);
  console.log('');
  console.log(`| measure | campaign | baseline (raw HTTPS POST) | ratio | target |`);
  console.log(`|---|---|---|---|---|`);
  console.log(`| sends/s (median of ${ROUNDS}) | ${rate.toFixed(0)} | ${baseline.toFixed(0)} | ${(rate / baseline).toFixed(2)} | ≥ ${TARGET_PER_S}: ${rate >= TARGET_PER_S ? 'met' : 'NOT met'} |`);
  console.log(`| peak RSS growth | ${peakMb.toFixed(0)} MB | | | ≤ ${MEMORY_LIMIT_MB} MB: ${peakMb <= MEMORY_LIMIT_MB ? 'met' : 'NOT met'} |`);
  console.log(`| 410s deleted, nothing failed | ${allGoneDeleted ? 'yes' : 'NO'} | | | yes |`);
  console.log(`\n  machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0]!.toFixed(1)} after`);
  process.exitCode = rate >= TARGET_PER_S && peakMb <= MEMORY_LIMIT_MB && allGoneDeleted ? 0 : 1;
}

await main();
