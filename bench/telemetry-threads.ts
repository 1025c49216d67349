/**
 * Where the embedded store's CPU goes per stored event, thread by thread (`/proc/self/task/<tid>/stat`):
 * the event loop, Node's own threads that existed before the store opened (libuv's pool, which writes
 * the ingest log, and V8's helpers), and those it started (the DuckDB thread and DuckDB's workers);
 * the load generator (a child process) apart. One table, 3 s of warm-up, then `seconds` of the
 * ingest bench's load, then a count (the time until every acknowledged event is queryable counts).
 * A loaded machine inflates every figure: compare CPU per event, alternated, not rates.
 * Run: npx tsx bench/telemetry-threads.ts [seconds]   (LOAD_AFTER_MS=600000: loads by row groups only)
 */
import os from 'node:os';
import { startTelemetryServer, UNLIMITED_INGESTION } from '../test/support/telemetry-server';
import { threadCpuSeconds } from './load/cpu';
import { driveInChild } from './telemetry-driver';

const seconds = Number(process.argv[2] ?? 5);
/** CPU µs of each thread of this process, keyed `<tid>:<name>`. */
function threads(): Map<string, number> {
  return new Map([...threadCpuSeconds()].map(([thread, seconds]) => [thread, seconds * 1e6]));
}
const preexisting = new Set([...threads().keys()]);
const server = await startTelemetryServer('sqlite', { env: { ...UNLIMITED_INGESTION, ...(process.env.LOAD_AFTER_MS ? { TELEMETRY_LOAD_AFTER_MS: process.env.LOAD_AFTER_MS } : {}) } });
const post = (p: string, body: unknown) => fetch(`${server.url}${p}`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });
await post('/foxtrot/v1/tables', { name: 'bench', ttl: 30 });
const url = `${server.url}/foxtrot/v1/document/bench/bulk`;
const warm = await driveInChild({ url, seconds: 3, batch: 500, concurrency: 4, idPrefix: 'w' });
const before = threads();
const t0 = performance.now();
const driven = await driveInChild({ url, seconds, batch: 500, concurrency: 4 });
const q0 = performance.now();
const { count } = (await (await post('/foxtrot/v1/analytics', { opcode: 'count', table: 'bench', bypassCache: true })).json()) as { count: number };
const queryable = (performance.now() - q0) / 1000;
const after = threads();
const wall = (performance.now() - t0) / 1000;
const events = driven.events;
const rows: string[] = [];
let total = 0;
const byName = new Map<string, number>();
for (const [k, v] of after) {
  const d = v - (before.get(k) ?? 0);
  total += d;
  const name = k.split(':')[1]!;
  byName.set(name, (byName.get(name) ?? 0) + d);
  if (d / events > 0.05) rows.push(`   ${k.padEnd(20)} ${(preexisting.has(k) ? (k.startsWith(String(process.pid) + ':') ? 'event loop' : 'node pool') : 'new').padEnd(11)} ${(d / events).toFixed(2)} µs/event, ${((d / 1e6 / wall) * 100).toFixed(0)} % busy`);
}
console.log(`stored ${events} in ${driven.seconds.toFixed(2)} s + ${queryable.toFixed(2)} s until queryable: ${Math.round(events / (driven.seconds + queryable))}/s; count ${count} (acknowledged ${events + warm.events}); load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(rows.join('\n'));
const group = { 'event loop': 0, 'node pool': 0, 'new (DuckDB thread and DuckDB workers)': 0 };
for (const [k, v] of after) {
  const d = v - (before.get(k) ?? 0);
  const g = preexisting.has(k) ? (k.startsWith(String(process.pid) + ':') ? 'event loop' : 'node pool') : 'new (DuckDB thread and DuckDB workers)';
  group[g] += d / events;
}
console.log(`  ${Object.entries(group).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} µs/event`);
console.log(`  by name: ${[...byName].filter(([, v]) => v / events > 0.05).map(([k, v]) => `${k} ${(v / events).toFixed(2)}`).join(', ')}; server total ${(total / events).toFixed(2)} µs/event; generator ${(driven.cpu / events).toFixed(2)} µs/event`);
await server.close();
