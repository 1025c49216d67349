/**
 * Bulk ingestion over HTTP: shop-like events in batches of 500 posted to
 * /foxtrot/v1/document/{table}/bulk by 4 concurrent clients in a child process (its own core);
 * every 201 means the batch is committed. The store maps the events' fields to typed columns after
 * its first 1,000 (as in production), and every acknowledged event must be counted afterwards.
 * Baseline in the same run: the same requests against a route that parses and drops the body.
 * Three rounds, baseline and stored interleaved, each stored round on a fresh store; medians printed.
 * A stored round's time runs until a count answers with every acknowledged event (the embedded
 * store acknowledges from its ingest log and loads DuckDB in row groups; a query waits for the load).
 * Each round measures after 3 s of the same load (compiled code, the table's columns chosen and
 * filled, the day's ids known): the steady state a sale runs in.
 * Targets (issue 15): embedded ≥ 0.6 of the baseline and ≥ 150,000 events/s; PostgreSQL ≥ 100,000.
 * Run: npx tsx bench/telemetry-ingest.ts [sqlite|postgres] [seconds]   (postgres needs TEST_DATABASE_URL)
 */
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startTelemetryServer, UNLIMITED_INGESTION, type StoreKind } from '../test/support/telemetry-server';
import { median } from './load/median';
import { driveInChild } from './telemetry-driver';

const kind = (process.argv[2] ?? 'sqlite') as StoreKind;
const seconds = Number(process.argv[3] ?? 5);
const BATCH = 500;
const CONCURRENCY = 4;
const ROUNDS = 3;
const WARM_UP_SECONDS = 3;

interface Round {
  rate: number;
  /** Events acknowledged with a 201. */
  events: number;
  /** CPU of the server process (event loop, DuckDB's thread and its own threads), µs per event. */
  serverCpu: number;
  /** CPU of the load generator, µs per event. */
  clientCpu: number;
}

/**
 * Warms up, then measures; `events` counts every acknowledged event, warm-up included. `settle`
 * runs after the load and its time counts: the store answers a query once every acknowledged event
 * is queryable (the embedded store loads its ingest log first), so the rate is of stored events.
 */
async function measure(url: string, settle: () => Promise<void> = async () => {}): Promise<Round> {
  const warm = await driveInChild({ url, seconds: WARM_UP_SECONDS, batch: BATCH, concurrency: CONCURRENCY, idPrefix: 'w' });
  const before = process.cpuUsage();
  const driven = await driveInChild({ url, seconds, batch: BATCH, concurrency: CONCURRENCY });
  const settleStart = performance.now();
  await settle();
  const settled = (performance.now() - settleStart) / 1000;
  const used = process.cpuUsage(before);
  const { events } = driven;
  return { rate: events / (driven.seconds + settled), events: events + warm.events, serverCpu: (used.user + used.system) / events, clientCpu: driven.cpu / events };
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

/** A fresh store each round; every acknowledged event must be counted afterwards. `json`: no typed columns. */
async function storedRound(json = false): Promise<Round & { columns: number }> {
  const server = await startTelemetryServer(kind, { env: { ...UNLIMITED_INGESTION, ...(json ? { TELEMETRY_COLUMNS_AFTER: 'off' } : {}) } });
  try {
    const post = (path: string, payload: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
    await post('/foxtrot/v1/tables', { name: 'bench', ttl: 30 });
    let count = 0;
    const countAll = async () => {
      ({ count } = (await (await post('/foxtrot/v1/analytics', { opcode: 'count', table: 'bench', bypassCache: true })).json()) as { count: number });
    };
    const round = await measure(`${server.url}/foxtrot/v1/document/bench/bulk`, countAll);
    if (count !== round.events) throw new Error(`${round.events} events were acknowledged but ${count} are stored`);
    const desc = (await (await post('/foxtrot/v1/fql', JSON.stringify({ query: 'desc bench' }))).json()) as { rows: { stored: string }[] };
    return { ...round, columns: desc.rows.filter((r) => /^c\d+ /.test(r.stored)).length };
  } finally {
    await server.close();
  }
}


const baselines: Round[] = [];
const stored: (Round & { columns: number })[] = [];
const jsonOnly: Round[] = [];
for (let round = 0; round < ROUNDS; round++) {
  baselines.push(await baselineRound());
  stored.push(await storedRound());
  jsonOnly.push(await storedRound(true));
}
const rates = (rounds: Round[]) => rounds.map((r) => Math.round(r.rate).toLocaleString('en')).join(' · ');
const cpu = (rounds: Round[], key: 'serverCpu' | 'clientCpu') => `${median(rounds.map((r) => r[key])).toFixed(1)} µs`;
const base = median(baselines.map((r) => r.rate));
const rate = median(stored.map((r) => r.rate));
const [target, absolute] = kind === 'sqlite' ? [0.6, 150_000] : [undefined, 100_000];
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(`telemetry ingest (${kind}), shop events in batches of ${BATCH}, ${CONCURRENCY} clients, ${ROUNDS} interleaved rounds of ${seconds}s, medians; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`  baseline (parse and drop): ${Math.round(base).toLocaleString('en')} events/s   (${rates(baselines)})`);
console.log(`  stored:                    ${Math.round(rate).toLocaleString('en')} events/s   (${rates(stored)}), ${(rate / base).toFixed(2)} of baseline`);
const json = median(jsonOnly.map((r) => r.rate));
console.log(`  typed columns in use: ${stored.map((r) => r.columns).join(' · ')}; every acknowledged event was counted afterwards in every round`);
console.log(`  stored, every field JSON:  ${Math.round(json).toLocaleString('en')} events/s   (${rates(jsonOnly)}), ${(json / base).toFixed(2)} of baseline (TELEMETRY_COLUMNS_AFTER=off, for comparison)`);
console.log(`  server CPU per event:      baseline ${cpu(baselines, 'serverCpu')}, stored ${cpu(stored, 'serverCpu')}, JSON only ${cpu(jsonOnly, 'serverCpu')}`);
console.log(`  load generator CPU/event:  baseline ${cpu(baselines, 'clientCpu')}, stored ${cpu(stored, 'clientCpu')}`);
if (target !== undefined) console.log(`  target ≥ ${target} of baseline: ${met(rate / base >= target)}`);
console.log(`  target ≥ ${absolute.toLocaleString('en')} events/s: ${met(rate >= absolute)}`);
