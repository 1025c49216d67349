/**
 * Query latency over HTTP on N events (default 1,000,000) spread evenly over 7 days: group by two
 * fields, hourly histogram, stats with percentiles, each over the last hour and the whole week
 * (bypassCache, best of 5). Baseline in the same run: a count over the last hour (the HTTP floor).
 * Run: npx tsx bench/telemetry-query.ts [sqlite|postgres] [events]   (postgres needs TEST_DATABASE_URL)
 */
import { startTelemetryServer, UNLIMITED_INGESTION, type StoreKind } from '../test/support/telemetry-server';

const kind = (process.argv[2] ?? 'sqlite') as StoreKind;
const N = Number(process.argv[3] ?? 1_000_000);
const WEEK = 7 * 86_400_000;
const BATCH = 2000;
const OSES = ['android', 'ios', 'windows', 'macos', 'linux'];

const server = await startTelemetryServer(kind, { env: UNLIMITED_INGESTION });
const post = async (path: string, body: unknown) => {
  const res = await fetch(server.url + path, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
};
await post('/foxtrot/v1/tables', { name: 'bench', ttl: 30 });
const now = server.clock.now;
let loadStart = performance.now();
for (let start = 0; start < N; start += BATCH) {
  const docs = [];
  for (let i = start; i < Math.min(N, start + BATCH); i++) {
    docs.push({
      id: `e${i}`,
      timestamp: now - WEEK + Math.floor((i / N) * WEEK),
      data: { os: OSES[i % 5], appVersion: { major: `${i % 7}` }, route: `r${i % 13}`, lcp: (i * 7919) % 5000 },
    });
  }
  await post('/foxtrot/v1/document/bench/bulk', docs);
}
const loadSeconds = (performance.now() - loadStart) / 1000;

async function best(request: Record<string, unknown>): Promise<number> {
  let ms = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    await post('/foxtrot/v1/analytics', { ...request, table: 'bench', bypassCache: true });
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

const windows = { hour: [{ operator: 'last', duration: '1h' }], week: [{ operator: 'last', duration: '7d' }] };
const baseline = await best({ opcode: 'count', filters: windows.hour });
console.log(`telemetry query latency (${kind}), ${N.toLocaleString('en')} events over 7 days (loaded over HTTP in ${loadSeconds.toFixed(1)} s)`);
console.log(`  baseline count, last hour: ${baseline.toFixed(1)} ms`);
for (const [label, filters] of Object.entries(windows)) {
  for (const [name, request] of Object.entries({
    'group by os, appVersion.major': { opcode: 'group', nesting: ['os', 'appVersion.major'] },
    'histogram by hour': { opcode: 'histogram', period: 'hours' },
    'stats lcp with percentiles': { opcode: 'stats', field: 'lcp', percentiles: [50, 75, 95, 99] },
  })) {
    const ms = await best({ ...request, filters });
    console.log(`  ${`${name}, ${label}`.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms  (${(ms / baseline).toFixed(1)}× baseline)`);
  }
}
await server.close();
