/**
 * `stats` percentiles over HTTP on both engines: whole numbers (DuckDB counts each distinct value,
 * decision 0022) and decimals (DuckDB's quantile_cont) answer the exact continuous percentiles, per
 * bucket too, and statstrend the same per period. Checked against the percentiles computed here
 * from the values posted, as DuckDB interpolates (PostgreSQL's rounding may differ in the last bit).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTelemetryServer, telemetryStoreKinds, type TelemetryServer } from '../support/telemetry-server';

const HOUR = 3_600_000;
const PERCENTILES = [1, 25, 33.3, 50, 95, 99, 99.5, 99.9];
const OSES = ['android', 'ios', 'linux'];

/** Exact continuous percentile of sorted values: position (n - 1) · f, interpolated as DuckDB does. */
function percentile(sorted: number[], p: number): number {
  // The fraction is the double nearest to p / 100 in decimal (0.999 for 99.9, not 99.9 / 100).
  const position = (sorted.length - 1) * Number(`${p}e-2`);
  const lo = Math.floor(position);
  const d = position - lo;
  return sorted[lo]! * (1 - d) + sorted[Math.ceil(position)]! * d;
}

/** A repeatable sequence in [0, 1). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

for (const kind of telemetryStoreKinds()) {
  describe(`stats percentiles (${kind})`, () => {
    let server: TelemetryServer;
    const events: { os: string; ms: number; ratio?: number; hour: number }[] = [];
    const analytics = async (body: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/foxtrot/v1/analytics`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, table: 'perf', bypassCache: true }) });
      assert.equal(res.status, 200, await res.clone().text());
      return res.json();
    };
    const close = (actual: number, expected: number) => (kind === 'sqlite' ? actual === expected : Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)));
    const expectPercentiles = (got: Record<string, number>, values: number[], label: string) => {
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of PERCENTILES) {
        const key = Number.isInteger(p) ? p.toFixed(1) : String(p);
        assert.ok(close(got[key]!, percentile(sorted, p)), `${label} p${p}: ${got[key]} against ${percentile(sorted, p)}`);
      }
    };

    before(async () => {
      server = await startTelemetryServer(kind);
      const post = (path: string, body: unknown) => fetch(`${server.url}${path}`, { method: 'POST', headers: { ...server.operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal((await post('/foxtrot/v1/tables', { name: 'perf', ttl: 7 })).status, 201);
      const next = sequence(11);
      const now = server.clock.now;
      const documents = Array.from({ length: 600 }, (_, i) => {
        // Whole milliseconds repeat; ratios are decimals, missing from a fifth of the events.
        const event = { os: OSES[i % 3]!, ms: Math.floor(next() * 120) * 5, ratio: i % 5 ? Math.round(next() * 1e6) / 1e4 : undefined, hour: i % 4 };
        events.push(event);
        return { id: `e${i}`, timestamp: now - event.hour * HOUR - 1000, data: { os: event.os, ms: event.ms, ...(event.ratio === undefined ? {} : { ratio: event.ratio }) } };
      });
      assert.equal((await post('/foxtrot/v1/document/perf/bulk', documents)).status, 201);
    });
    after(() => server.close());

    it('answers exact percentiles of whole numbers and of decimals, overall and per bucket', async () => {
      for (const field of ['ms', 'ratio'] as const) {
        const res = await analytics({ opcode: 'stats', field, percentiles: PERCENTILES, nesting: ['os'] });
        const values = (list: typeof events) => list.map((e) => e[field]).filter((v): v is number => v !== undefined);
        expectPercentiles(res.result.percentiles, values(events), field);
        assert.equal(res.result.stats.count, values(events).length);
        assert.deepEqual(res.buckets.map((b: { key: string }) => b.key), OSES);
        for (const bucket of res.buckets as { key: string; result: { percentiles: Record<string, number> } }[]) {
          expectPercentiles(bucket.result.percentiles, values(events.filter((e) => e.os === bucket.key)), `${field} on ${bucket.key}`);
        }
      }
    });

    it('answers them per period in statstrend, and none where a period has no value', async () => {
      const res = await analytics({ opcode: 'statstrend', field: 'ms', period: 'hours', percentiles: PERCENTILES, stats: ['count'] });
      assert.equal(res.result.length, 4);
      for (const row of res.result as { period: number; stats: { count: number }; percentiles: Record<string, number> }[]) {
        // Events of hour h were stamped h hours before (now - 1 s): each hour its own period.
        const hour = Math.floor((server.clock.now - 1000) / HOUR) - row.period / HOUR;
        const values = events.filter((e) => e.hour === hour).map((e) => e.ms);
        assert.equal(row.stats.count, values.length);
        expectPercentiles(row.percentiles, values, `hour ${hour}`);
      }
      const none = await analytics({ opcode: 'stats', field: 'ms', percentiles: [50], filters: [{ operator: 'equals', field: 'os', value: 'windows' }] });
      assert.deepEqual(none.result.percentiles, { '50.0': null });
    });
  });
}
