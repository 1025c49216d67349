/**
 * Bulk ingestion over HTTP: batches of 500 events posted to /foxtrot/v1/document/{table}/bulk by
 * concurrent clients in a child process (its own core); every 201 means the batch is committed.
 * Baseline in the same run: the same requests against a route that parses and drops the body.
 * Run: npx tsx bench/telemetry-ingest.ts [sqlite|postgres] [seconds]   (postgres needs TEST_DATABASE_URL)
 */
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { startTelemetryServer, type StoreKind } from '../server/telemetry/testing/telemetry-server';

const kind = (process.argv[2] ?? 'sqlite') as StoreKind;
const seconds = Number(process.argv[3] ?? 5);
const BATCH = 500;
const CONCURRENCY = 4;
const OSES = ['android', 'ios', 'windows'];

let seq = 0;
function body(): string {
  const now = Date.now();
  const docs = Array.from({ length: BATCH }, () => {
    const i = seq++;
    return {
      id: `e-${i}`,
      timestamp: now,
      data: { eventType: 'PAGE_VIEW', os: OSES[i % 3], appVersion: { major: i % 7, minor: i % 3 }, route: `r${i % 20}`, lcp: (i * 37) % 4000, session: `s${i % 5000}` },
    };
  });
  return JSON.stringify(docs);
}

async function drive(url: string): Promise<number> {
  const bodies = Array.from({ length: 40 }, body);
  let events = 0;
  const end = performance.now() + seconds * 1000;
  let k = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[k++ % bodies.length]!.replaceAll('"id":"e-', `"id":"${k}-`) });
      if (res.status !== 201) throw new Error(`status ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      events += BATCH;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return events / ((performance.now() - start) / 1000);
}

/** Runs the load generator in a child process so it does not share the server's event loop. */
function driveInWorker(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [kind, String(seconds), url], { execArgv: ['--import', 'tsx'] });
    child.once('message', (rate) => resolve(rate as number));
    child.once('error', reject);
  });
}

if (process.argv[4]) {
  process.send!(await drive(process.argv[4]));
  process.exit(0);
} else {
// Baseline: Express + JSON parsing of the same bodies, nothing stored.
const app = express();
app.post('/drop', express.json({ limit: '1mb' }), (_req, res) => {
  res.status(201).json({});
});
const baseServer = app.listen(0, '127.0.0.1');
await new Promise((r) => baseServer.once('listening', r));
const baseCpuBefore = process.cpuUsage();
const baseline = await driveInWorker(`http://127.0.0.1:${(baseServer.address() as AddressInfo).port}/drop`);
const baseCpu = process.cpuUsage(baseCpuBefore);
baseServer.close();

const server = await startTelemetryServer(kind);
await fetch(`${server.url}/foxtrot/v1/tables`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', ttl: 30 }) });
const cpuBefore = process.cpuUsage();
const rate = await driveInWorker(`${server.url}/foxtrot/v1/document/bench/bulk`);
const cpu = process.cpuUsage(cpuBefore);
const stored = (await (
  await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ opcode: 'count', table: 'bench', bypassCache: true }) })
).json()) as { count: number };
await server.close();

console.log(`telemetry ingest (${kind}), batches of ${BATCH}, ${CONCURRENCY} clients, ${seconds}s`);
console.log(`  baseline (parse and drop): ${Math.round(baseline).toLocaleString('en')} events/s`);
console.log(`  stored:                    ${Math.round(rate).toLocaleString('en')} events/s (${(rate / baseline).toFixed(2)} of baseline), ${stored.count.toLocaleString('en')} events counted`);
// CPU of the server process (event loop, DuckDB's thread and its own threads) per event sent.
const perEvent = (usage: NodeJS.CpuUsage, events: number) => ((usage.user + usage.system) / events).toFixed(1);
console.log(`  server CPU per event:      baseline ${perEvent(baseCpu, baseline * seconds)} µs, stored ${perEvent(cpu, rate * seconds)} µs`);
}
