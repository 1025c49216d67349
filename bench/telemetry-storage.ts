/**
 * Compares storage designs for telemetry events on 1,000,000 events over 7 days:
 * SQLite with a JSON column (the baseline), DuckDB with a JSON column, DuckDB with typed columns.
 * Run: npx tsx bench/telemetry-storage.ts [events]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';

const N = Number(process.argv[2] ?? 1_000_000);
const WEEK = 7 * 86_400_000;
const now = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tele-bench-'));
const OSES = ['android', 'ios', 'windows', 'macos', 'linux'];

function event(i: number) {
  return {
    id: `e${i}`,
    ts: now - WEEK + Math.floor((i / N) * WEEK),
    data: { os: OSES[i % 5], appVersion: { major: `${i % 7}` }, page: `p${i % 13}`, duration: (i * 7919) % 5000 },
  };
}

async function time<T>(label: string, fn: () => Promise<T> | T, runs = 3): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(48)} ${best.toFixed(1)} ms`);
  return best;
}

const hour = now - 3_600_000;
const week = now - WEEK;

// SQLite, JSON column.
const lite = new SqliteDatabase(path.join(dir, 'x.sqlite'));
lite.pragma('journal_mode = WAL');
lite.exec('create table ev (id text primary key, ts integer, data text); create index ev_ts on ev(ts)');
const ins = lite.prepare('insert or ignore into ev values (?, ?, ?)');
let t = performance.now();
lite.transaction(() => { for (let i = 0; i < N; i++) { const e = event(i); ins.run(e.id, e.ts, JSON.stringify(e.data)); } })();
console.log(`sqlite json: load ${(N / ((performance.now() - t) / 1000)).toFixed(0)} rows/s`);
const liteGroup = (from: number) => lite.prepare(`select json_extract(data,'$.os') a, json_extract(data,'$.appVersion.major') b, count(*) c from ev where ts >= ? group by 1,2`).all(from);
const base = await time('sqlite json   group 2 fields, week', () => liteGroup(week), 1);
await time('sqlite json   group 2 fields, hour', () => liteGroup(hour));
lite.close();

// DuckDB: one instance, two tables.
const inst = await DuckDBInstance.create(path.join(dir, 'x.duckdb'));
const con = await inst.connect();
await con.run(`create table j (id varchar primary key, ts bigint, data json)`);
await con.run(`create table ty (id varchar, ts bigint, os varchar, major varchar, page varchar, duration double)`);
t = performance.now();
for (let start = 0; start < N; start += 500) {
  const ids: string[] = []; const tss: number[] = []; const datas: string[] = [];
  for (let i = start; i < Math.min(N, start + 500); i++) { const e = event(i); ids.push(e.id); tss.push(e.ts); datas.push(JSON.stringify(e.data)); }
  const app = await con.createAppender('j');
  for (let k = 0; k < ids.length; k++) { app.appendVarchar(ids[k]!); app.appendBigInt(BigInt(tss[k]!)); app.appendVarchar(datas[k]!); app.endRow(); }
  app.closeSync();
}
console.log(`duckdb json: load in 500-row appender batches ${(N / ((performance.now() - t) / 1000)).toFixed(0)} rows/s`);
await con.run(`insert into ty select id, ts, data->>'$.os', data->>'$.appVersion.major', data->>'$.page', try_cast(data->>'$.duration' as double) from j`);
const dq = (sql: string) => () => con.runAndReadAll(sql);
for (const [label, from] of [['week', week], ['hour', hour]] as const) {
  const r1 = await time(`duckdb json  group 2 fields, ${label}`, dq(`select data->>'$.os', data->>'$.appVersion.major', count(*) from j where ts >= ${from} group by 1,2`));
  await time(`duckdb typed group 2 fields, ${label}`, dq(`select os, major, count(*) from ty where ts >= ${from} group by 1,2`));
  await time(`duckdb json  histogram hourly, ${label}`, dq(`select ts // 3600000, count(*) from j where ts >= ${from} group by 1`));
  await time(`duckdb json  stats+percentiles, ${label}`, dq(`select min(x), max(x), avg(x), sum(x), count(x), quantile_cont(x, [0.5, 0.95, 0.99]) from (select try_cast(data->>'$.duration' as double) x from j where ts >= ${from})`));
  await time(`duckdb typed stats+percentiles, ${label}`, dq(`select min(duration), max(duration), avg(duration), quantile_cont(duration, [0.5,0.95,0.99]) from ty where ts >= ${from}`));
  if (label === 'week') console.log(`  ratio sqlite/duckdb-json week group: ${(base / r1).toFixed(1)}x`);
}
con.closeSync();
inst.closeSync();
fs.rmSync(dir, { recursive: true, force: true });
