/**
 * Where PostgreSQL ingestion's time goes, per stored event, at the load `bench/telemetry-ingest.ts`
 * makes (shop events, batches of 500, 4 clients): CPU of the shop's process and how busy its event
 * loop is, CPU of the PostgreSQL backends serving this database (`/proc/<pid>/stat`), of the load
 * generator, and how many COPYs run at once (sampled from `pg_stat_activity`). One round after 3 s
 * of warm-up; the load average is printed beside it (the machine is shared).
 * Run: TEST_DATABASE_URL=… npx tsx bench/telemetry-ingest-where.ts [seconds]
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startTelemetryServer, UNLIMITED_INGESTION } from '../test/support/telemetry-server';
import { processCpuSeconds } from './load/cpu';
import { driveInChild } from './telemetry-driver';

const seconds = Number(process.argv[2] ?? 5);
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) throw new Error('set TEST_DATABASE_URL');
const BATCH = Number(process.env.BATCH ?? 500);
const CONCURRENCY = 4;

/** User + system CPU of a process in µs (0 once it is gone). */
const cpuOf = (pid: number): number => (processCpuSeconds(pid) ?? 0) * 1e6;

const server = await startTelemetryServer('postgres', { env: UNLIMITED_INGESTION });
const watcher = new pg.Client({ connectionString: databaseUrl });
await watcher.connect();
try {
  const url = `${server.url}/foxtrot/v1/document/bench/bulk`;
  await fetch(`${server.url}/foxtrot/v1/tables`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench', ttl: 30 }) });
  await driveInChild({ url, seconds: 3, batch: BATCH, concurrency: CONCURRENCY, idPrefix: 'w' });
  const db = new URL(databaseUrl).pathname.slice(1);
  // Each backend by what it last ran: the COPYs, the analytics, or the shop's other statements (budgets, ids, ANALYZE).
  const roles = new Map<number, string>();
  const backends = async () => {
    const { rows } = await watcher.query<{ pid: number; query: string }>('SELECT pid, query FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
    for (const { pid, query } of rows) if (!roles.has(pid) || roles.get(pid) === 'other') roles.set(pid, query.startsWith('COPY') ? 'COPY' : /^ANALYZE/.test(query) ? 'ANALYZE' : 'other');
    return rows.map((r) => r.pid);
  };
  const aux = (await watcher.query<{ pid: number; backend_type: string }>("SELECT pid, backend_type FROM pg_stat_activity WHERE backend_type IN ('walwriter', 'checkpointer', 'background writer')")).rows;
  const pids = new Set(await backends());
  const cpuBefore = new Map([...pids, ...aux.map((a) => a.pid)].map((pid) => [pid, cpuOf(pid)]));
  const shopBefore = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  // PROFILE=path: the shop's event loop profiled over the measured seconds only (after the warm-up).
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) (session.connect(), await session.post('Profiler.enable'), await session.post('Profiler.start'));
  const driving = driveInChild({ url, seconds, batch: BATCH, concurrency: CONCURRENCY });
  // COPYs at once, sampled every 20 ms from a connection of its own.
  const copies: number[] = [];
  const lastSeen = new Map<number, number>();
  let done = false;
  void driving.finally(() => (done = true));
  while (!done) {
    const { rows } = await watcher.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND query LIKE 'COPY%'", [db]);
    copies.push(Number(rows[0]!.n));
    for (const pid of await backends()) if (!pids.has(pid)) (pids.add(pid), cpuBefore.set(pid, 0));
    // A backend that ends (an idle pooled connection let go) keeps the CPU it was last seen with.
    for (const pid of pids) lastSeen.set(pid, Math.max(lastSeen.get(pid) ?? 0, cpuOf(pid)));
    await new Promise((r) => setTimeout(r, 20));
  }
  const driven = await driving;
  if (session) fs.writeFileSync(process.env.PROFILE!, JSON.stringify((await session.post('Profiler.stop')).profile));
  const wall = (performance.now() - started) / 1000;
  const shop = process.cpuUsage(shopBefore);
  const busy = performance.eventLoopUtilization(elu).utilization;
  const used = (pid: number) => Math.max(cpuOf(pid), lastSeen.get(pid) ?? 0) - cpuBefore.get(pid)!;
  const pgCpu = [...pids].reduce((sum, pid) => sum + used(pid), 0);
  const byRole = new Map<string, number>();
  for (const pid of pids) byRole.set(roles.get(pid) ?? 'other', (byRole.get(roles.get(pid) ?? 'other') ?? 0) + used(pid));
  const auxCpu = aux.map((a) => `${a.backend_type} ${((cpuOf(a.pid) - cpuBefore.get(a.pid)!) / driven.events).toFixed(2)}`);
  const n = driven.events;
  const histogram = [0, 1, 2, 3, 4].map((k) => `${k}: ${copies.filter((c) => (k === 4 ? c >= 4 : c === k)).length}`).join(', ');
  console.log(`ingest on PostgreSQL, where the time goes: ${n.toLocaleString('en')} events in ${wall.toFixed(1)} s = ${Math.round(n / driven.seconds).toLocaleString('en')}/s; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  µs CPU per stored event: shop ${((shop.user + shop.system) / n).toFixed(2)} (user ${(shop.user / n).toFixed(2)}), PostgreSQL backends ${(pgCpu / n).toFixed(2)} (${pids.size} of them: ${[...byRole].map(([role, us]) => `${role} ${(us / n).toFixed(2)}`).join(', ')}), load generator ${(driven.cpu / n).toFixed(2)}; shared: ${auxCpu.join(', ')}`);
  console.log(`  wall µs per event: ${((wall * 1e6) / n).toFixed(2)}; shop event loop busy ${(busy * 100).toFixed(0)} %; COPYs running at once (samples): ${histogram}`);
} finally {
  await watcher.end();
  await server.close();
}
