/**
 * DuckDB's CPU per row for appends of the shop's events (19 typed columns, filled as the writer
 * does), by commit size: `wal…` (commits of `commitRows`), `og…` (a row group, 122,880 rows, which
 * DuckDB writes straight to the file), `…txn` (in an explicit transaction that also updates another
 * table: `…ins` inserts instead, `…noupd` nothing else), `…unordered` (preserve_insertion_order off),
 * `…t1` (one thread). Process CPU, so only DuckDB and the fill run here; decision 0033.
 * Run: npx tsx bench/telemetry-append.ts <variant> <commitRows> [totalRows]
 */
import fs from 'node:fs';
import path from 'node:path';
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { fillChunk, type ChunkColumn } from '../server/telemetry/engine/duckdb-chunk';
import { shopEvent } from './telemetry-driver';

const variant = process.argv[2] ?? 'wal2000';
const total = Number(process.argv[4] ?? 491_520);
const commitRows = Number(process.argv[3] ?? 2000);
const dir = path.resolve('.cache/append-' + variant + '-' + process.pid);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const settings: Record<string, string> = {};
if (variant.includes('unordered')) settings.preserve_insertion_order = 'false';
if (variant.includes('t1')) settings.threads = '1';
const instance = await DuckDBInstance.create(path.join(dir, 't.duckdb'), settings);
const c = await instance.connect();
const strCols = ['eventType', 'app', 'release', 'routeType', 'os', 'osVersion', 'browser', 'session', 'metric', 'rating', 'navigation', 'step', 'productId', 'am'];
const numCols = ['lcp', 'value', 'quantity', 'ami'];
await c.run(`CREATE TABLE ev (id VARCHAR NOT NULL, ts BIGINT NOT NULL, data VARCHAR NOT NULL, ${strCols.map((s) => `"${s}" VARCHAR`).join(',')}, ${numCols.map((s) => `"${s}" DOUBLE`).join(',')}, online BOOLEAN)`);
await c.run('CREATE TABLE pos (n BIGINT)'); await c.run('INSERT INTO pos VALUES (0)');
// Build rows once.
const N = commitRows;
const ids: string[] = []; const json: string[] = []; const ts = new Float64Array(N);
const strs = strCols.map(() => new Array<string | null>(N).fill(null));
const nums = numCols.map(() => new Float64Array(N).fill(NaN));
const bools = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  const d = shopEvent(i) as Record<string, any>;
  ids.push(`0000001234-${i}`); ts[i] = Date.now();
  json.push('{}');
  strCols.forEach((k, j) => { const v = k === 'am' ? d.appVersion.major : d[k]; strs[j]![i] = v === undefined ? null : String(v); });
  numCols.forEach((k, j) => { const v = k === 'ami' ? d.appVersion.minor : d[k]; nums[j]![i] = v === undefined ? NaN : v; });
  bools[i] = d.online ? 1 : 0;
}
const types = [VARCHAR, BIGINT, VARCHAR, ...strCols.map(() => VARCHAR), ...numCols.map(() => DOUBLE), BOOLEAN];
const cpu0 = process.cpuUsage(); const t0 = performance.now();
let fillCpu = 0;
for (let done = 0; done < total; done += N) {
  for (let i = 0; i < N; i++) ids[i] = `${String(done).padStart(10, '0')}-${i}`;
  const all: ChunkColumn[] = [{ kind: 'varchar', values: ids }, { kind: 'bigint', values: ts }, { kind: 'varchar', values: json }, ...strs.map((v): ChunkColumn => ({ kind: 'varchar', values: v })), ...nums.map((v): ChunkColumn => ({ kind: 'double', values: v })), { kind: 'boolean', values: bools }];
  if (variant.includes('txn')) await c.run('BEGIN TRANSACTION');
  const appender = await c.createAppender('ev');
  for (let s = 0; s < N; s += 2048) {
    const e = Math.min(s + 2048, N);
    const f0 = process.cpuUsage();
    const chunk = DuckDBDataChunk.create(types, e - s);
    fillChunk(chunk, all, s, e);
    const f = process.cpuUsage(f0); fillCpu += f.user + f.system;
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  if (variant.includes('txn')) { if (variant.includes('ins')) await c.run('INSERT INTO pos VALUES (1)'); else if (!variant.includes('noupd')) await c.run('UPDATE pos SET n = n + 1'); await c.run('COMMIT'); }
}
const used = process.cpuUsage(cpu0); const ms = performance.now() - t0;
const n = (await (await c.runAndReadAll('SELECT count(*)::INT AS n FROM ev')).getRowObjectsJS())[0]!.n;
console.log(`${variant} commit ${commitRows}: ${n} rows, CPU ${((used.user + used.system) / total).toFixed(2)} µs/row (fill ${(fillCpu / total).toFixed(2)}), wall ${(ms * 1000 / total).toFixed(2)} µs/row, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
c.closeSync(); instance.closeSync();
fs.rmSync(dir, { recursive: true, force: true });
