/**
 * Bulk ingestion over HTTP: batches of 500 events posted to /foxtrot/v1/document/{table}/bulk by
 * concurrent clients in a child process (its own core); every 201 means the batch is committed.
 * Baseline in the same run: the same requests against a route that parses and drops the body.
 * Three rounds, baseline and stored interleaved, each stored round on a fresh store; medians printed.
 * Run: npx tsx bench/telemetry-ingest.ts [sqlite|postgres] [seconds]   (postgres needs TEST_DATABASE_URL)
 */
import type { AddressInfo } from 'node:net';
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { startTelemetryServer, UNLIMITED_INGESTION, type StoreKind } from '../test/support/telemetry-server';

const kind = (process.argv[2] ?? 'sqlite') as StoreKind;
const seconds = Number(process.argv[3] ?? 5);
const BATCH = 500;
const CONCURRENCY = 4;
const ROUNDS = 3;
const OSES = ['android', 'ios', 'windows'];

/** Where each request's number goes in every id of a body (8 digits), so that no id repeats. */
const REQUEST_MARK = '########';

/** A body template: 500 documents whose ids start with the request mark, and the mark's offsets. */
function template(variant: number): { bytes: Buffer; marks: number[] } {
  const now = Date.now();
  const docs = Array.from({ length: BATCH }, (_, n) => {
    const i = variant * BATCH + n;
    return {
      id: `${REQUEST_MARK}-${n}`,
      timestamp: now,
      data: { eventType: 'PAGE_VIEW', os: OSES[i % 3], appVersion: { major: i % 7, minor: i % 3 }, route: `r${i % 20}`, lcp: (i * 37) % 4000, session: `s${i % 5000}` },
    };
  });
  const bytes = Buffer.from(JSON.stringify(docs));
  const marks: number[] = [];
  for (let at = bytes.indexOf(REQUEST_MARK); at !== -1; at = bytes.indexOf(REQUEST_MARK, at + 1)) marks.push(at);
  return { bytes, marks };
}

/**
 * Posts bodies over keep-alive connections with `node:http` (lighter on the shared CPU than
 * `fetch`), each a copy of a template with the request's number written into its ids.
 */
async function drive(url: string): Promise<{ events: number; seconds: number }> {
  const templates = Array.from({ length: 40 }, (_, variant) => template(variant));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let requestNumber = 0;
  const nextBody = (): Buffer => {
    const { bytes, marks } = templates[requestNumber % templates.length]!;
    const copy = Buffer.from(bytes);
    const digits = String(requestNumber++).padStart(REQUEST_MARK.length, '0');
    for (const at of marks) copy.write(digits, at, 'latin1');
    return copy;
  };
  const post = (body: Buffer) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`status ${res.statusCode}: ${Buffer.concat(chunks).toString()}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  let events = 0;
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      await post(nextBody());
      events += BATCH;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  return { events, seconds: (performance.now() - start) / 1000 };
}

/** Runs the load generator in a child process so it does not share the server's event loop. */
interface Driven {
  events: number;
  seconds: number;
  clientCpu: number;
}

function driveInWorker(url: string): Promise<Driven> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [kind, String(seconds), url], { execArgv: ['--import', 'tsx'] });
    child.once('message', (result) => resolve(result as Driven));
    child.once('error', reject);
  });
}

interface Round {
  rate: number;
  /** Events acknowledged with a 201. */
  events: number;
  /** CPU of the server process (event loop, DuckDB's thread and its own threads), µs per event. */
  serverCpu: number;
  /** CPU of the load generator, µs per event. */
  clientCpu: number;
}

async function measure(url: string): Promise<Round> {
  const before = process.cpuUsage();
  const driven = await driveInWorker(url);
  const used = process.cpuUsage(before);
  const { events } = driven;
  return { rate: events / driven.seconds, events, serverCpu: (used.user + used.system) / events, clientCpu: driven.clientCpu / events };
}

/** Baseline: Express + JSON parsing of the same bodies, nothing stored. */
async function baselineRound(): Promise<Round> {
  const app = express();
  app.post('/drop', express.json({ limit: '1mb' }), (_req, res) => {
    res.status(201).json({});
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    return await measure(`http://127.0.0.1:${(server.address() as AddressInfo).port}/drop`);
  } finally {
    server.close();
  }
}

/** A fresh store each round; every acknowledged event must be counted afterwards. */
async function storedRound(): Promise<Round> {
  const server = await startTelemetryServer(kind, { env: UNLIMITED_INGESTION });
  try {
    const post = (path: string, payload: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    await post('/foxtrot/v1/tables', { name: 'bench', ttl: 30 });
    const round = await measure(`${server.url}/foxtrot/v1/document/bench/bulk`);
    const { count } = (await (await post('/foxtrot/v1/analytics', { opcode: 'count', table: 'bench', bypassCache: true })).json()) as { count: number };
    if (count !== round.events) throw new Error(`${round.events} events were acknowledged but ${count} are stored`);
    return round;
  } finally {
    await server.close();
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

if (process.argv[4]) {
  const before = process.cpuUsage();
  const driven = await drive(process.argv[4]);
  const used = process.cpuUsage(before);
  process.send!({ ...driven, clientCpu: used.user + used.system } satisfies Driven);
  process.exit(0);
} else {
  const baselines: Round[] = [];
  const stored: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baselines.push(await baselineRound());
    stored.push(await storedRound());
  }
  const rates = (rounds: Round[]) => rounds.map((r) => Math.round(r.rate).toLocaleString('en')).join(' · ');
  const cpu = (rounds: Round[], key: 'serverCpu' | 'clientCpu') => `${median(rounds.map((r) => r[key])).toFixed(1)} µs`;
  const base = median(baselines.map((r) => r.rate));
  const rate = median(stored.map((r) => r.rate));
  console.log(`telemetry ingest (${kind}), batches of ${BATCH}, ${CONCURRENCY} clients, ${ROUNDS} interleaved rounds of ${seconds}s, medians`);
  console.log(`  baseline (parse and drop): ${Math.round(base).toLocaleString('en')} events/s   (${rates(baselines)})`);
  console.log(`  stored:                    ${Math.round(rate).toLocaleString('en')} events/s   (${rates(stored)}), ${(rate / base).toFixed(2)} of baseline`);
  console.log('  every acknowledged event was counted afterwards in every round');
  console.log(`  server CPU per event:      baseline ${cpu(baselines, 'serverCpu')}, stored ${cpu(stored, 'serverCpu')}`);
  console.log(`  load generator CPU/event:  baseline ${cpu(baselines, 'clientCpu')}, stored ${cpu(stored, 'clientCpu')}`);
}
