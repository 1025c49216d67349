/**
 * Query latency over HTTP on N shop-like events (default 1,000,000) spread evenly over 7 days,
 * loaded over HTTP (their fields become typed columns after the first 1,000, as in production):
 * group by two fields, hourly histogram, stats with percentiles, each over the last hour and the
 * whole week (bypassCache, best of 5). Baseline in the same run: a count over the last hour (the
 * HTTP floor). With `--while-ingesting`, the same queries again while 4 clients keep posting new
 * events, and the ingest rate meanwhile.
 * Targets (issue 15), 1 M events, embedded: week group ≤ 50 ms, week stats ≤ 50 ms, last hour ≤ 10 ms;
 * PostgreSQL: week group ≤ 300 ms.
 * Run: npx tsx bench/telemetry-query.ts [sqlite|postgres] [events] [--while-ingesting]   (postgres needs TEST_DATABASE_URL)
 */
import os from 'node:os';
import { startTelemetryServer, UNLIMITED_INGESTION, type StoreKind } from '../test/support/telemetry-server';
import { driveInChild } from './telemetry-driver';

const kind = (process.argv[2] ?? 'sqlite') as StoreKind;
const N = Number(process.argv[3] ?? 1_000_000);
const whileIngesting = process.argv.includes('--while-ingesting');
const WEEK = 7 * 86_400_000;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

const server = await startTelemetryServer(kind, { env: UNLIMITED_INGESTION });
const post = async (path: string, body: unknown) => {
  const res = await fetch(server.url + path, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
await post('/foxtrot/v1/tables', { name: 'bench', ttl: 30 });
const bulk = `${server.url}/foxtrot/v1/document/bench/bulk`;
// The load generator stamps events from Date.now(): the server's clock must agree.
server.clock.now = Date.now();
// Four bodies in flight: the store commits them together (fewer, larger commits load 10 M in minutes).
const loaded = await driveInChild({ url: bulk, seconds: 86_400, batch: 2000, concurrency: 4, spreadMs: WEEK - 60_000, maxEvents: N });
server.clock.now = Date.now();
const { count } = (await post('/foxtrot/v1/analytics', { opcode: 'count', table: 'bench', bypassCache: true })) as { count: number };
if (count !== N) throw new Error(`${N} events were posted but ${count} are stored`);
// The fields' columns are filled for the first events in the background: queries use them once ready.
let columns = 0;
for (;;) {
  const desc = (await post('/foxtrot/v1/fql', { query: 'desc bench' })) as { rows: { stored: string }[] };
  columns = desc.rows.filter((r) => /^c\d+ /.test(r.stored)).length;
  if (!desc.rows.some((r) => r.stored?.includes('filling'))) break;
  await new Promise((r) => setTimeout(r, 200));
}

async function best(request: Record<string, unknown>, runs = 5): Promise<number> {
  let ms = Infinity;
  for (let r = 0; r < runs; r++) {
    server.clock.now = Date.now();
    const t = performance.now();
    await post('/foxtrot/v1/analytics', { ...request, table: 'bench', bypassCache: true });
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

const windows = { hour: [{ operator: 'last', duration: '1h' }], week: [{ operator: 'last', duration: '7d' }] };
const QUERIES = {
  'group by os, appVersion.major': { opcode: 'group', nesting: ['os', 'appVersion.major'] },
  'histogram by hour': { opcode: 'histogram', period: 'hours' },
  'stats lcp with percentiles': { opcode: 'stats', field: 'lcp', percentiles: [50, 75, 95, 99] },
};
const TARGETS: Record<string, number> = kind === 'sqlite' ? { 'group by os, appVersion.major, week': 50, 'stats lcp with percentiles, week': 50, hour: 10 } : { 'group by os, appVersion.major, week': 300 };

async function round(label: string): Promise<void> {
  const baseline = await best({ opcode: 'count', filters: windows.hour });
  console.log(`  ${label}; load average ${load()}`);
  console.log(`    baseline count, last hour: ${baseline.toFixed(1)} ms`);
  for (const [window, filters] of Object.entries(windows)) {
    for (const [name, request] of Object.entries(QUERIES)) {
      const ms = await best({ ...request, filters });
      // The issue's targets are for 1 M events; for more, the figures are reported as they are.
      const target = N > 1_000_000 ? undefined : (TARGETS[`${name}, ${window}`] ?? (window === 'hour' ? TARGETS.hour : undefined));
      const verdict = target === undefined ? '' : `   target ≤ ${target} ms: ${ms <= target ? 'met' : 'NOT met'}`;
      console.log(`    ${`${name}, ${window}`.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms  (${(ms / baseline).toFixed(1)}× baseline)${verdict}`);
    }
  }
}

console.log(
  `telemetry query latency (${kind}), ${N.toLocaleString('en')} events over 7 days, ${columns} typed columns ` +
    `(loaded over HTTP at ${Math.round(loaded.events / loaded.seconds).toLocaleString('en')} events/s, ${loaded.seconds.toFixed(0)} s)`,
);
await round('queries alone');
if (whileIngesting) {
  // Queries in a loop while new events keep arriving; both rates reported.
  const seconds = 30;
  const ingest = driveInChild({ url: bulk, seconds, batch: 500, concurrency: 4, idPrefix: 'live' });
  const started = performance.now();
  let rounds = 0;
  while (performance.now() - started < (seconds - 5) * 1000) {
    await round(`queries while ingesting (round ${++rounds})`);
  }
  const driven = await ingest;
  console.log(`  ingested meanwhile: ${Math.round(driven.events / driven.seconds).toLocaleString('en')} events/s over ${driven.seconds.toFixed(0)} s`);
}
await server.close();
