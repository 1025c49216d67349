/**
 * Every acknowledged event survives a `kill -9` of the server (the embedded store: acknowledged
 * once in the ingest log, loaded into DuckDB later, decision 0033), and is stored once even when the
 * log still holds writes a load committed just before the crash.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, it } from 'node:test';
import { shopNodeArgs } from '../../server/node-args';
import { startTelemetryServer, UNLIMITED_INGESTION } from '../support/telemetry-server';

const child = path.resolve(import.meta.dirname, '../support/telemetry-child.ts');

/** Starts the routes in a child process on `dataDir`. */
async function startChild(dataDir: string) {
  const proc = spawn(process.execPath, [...shopNodeArgs(child), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout! });
    lines.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`the telemetry child exited (${code})`)));
  });
  const { url, operator } = JSON.parse(first) as { url: string; operator: Record<string, string> };
  return { proc, url, operator };
}

const post = (url: string, operator: Record<string, string>, route: string, body: unknown) =>
  fetch(`${url}${route}`, { method: 'POST', headers: { ...operator, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const batch = (n: number, size: number) =>
  Array.from({ length: size }, (_, k) => ({ id: `e${n}-${k}`, timestamp: Date.now(), data: { eventType: k % 2 ? 'PAGE_VIEW' : 'WEB_VITAL', n, k, route: `r${k % 7}` } }));

/** Posts batches until `count` events are acknowledged; answers how many were. */
async function postBatches(url: string, operator: Record<string, string>, batches: number, size: number, from = 0): Promise<number> {
  let acknowledged = 0;
  for (let n = from; n < from + batches; n++) {
    const res = await post(url, operator, '/foxtrot/v1/document/crash/bulk', batch(n, size));
    assert.equal(res.status, 201);
    acknowledged += size;
  }
  return acknowledged;
}

async function countAfterRestart(dataDir: string): Promise<number> {
  const server = await startTelemetryServer('sqlite', { dataDir, env: UNLIMITED_INGESTION });
  try {
    const res = await post(server.url, server.operator, '/foxtrot/v1/analytics', { opcode: 'count', table: 'crash', bypassCache: true });
    assert.equal(res.status, 200);
    return ((await res.json()) as { count: number }).count;
  } finally {
    await server.close();
  }
}

const killed = (proc: ReturnType<typeof spawn>) => new Promise((resolve) => {
  proc.once('exit', resolve);
  proc.kill('SIGKILL');
});

describe('telemetry events after a kill -9 (embedded store)', () => {
  it('should keep every acknowledged event, loaded or not when the server died', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-crash-'));
    try {
      const { proc, url, operator } = await startChild(dataDir);
      assert.equal((await post(url, operator, '/foxtrot/v1/tables', { name: 'crash', ttl: 30 })).status, 201);
      // Some loaded (a query loads what waits), then more acknowledged after the last load.
      let acknowledged = await postBatches(url, operator, 3, 200);
      const res = await post(url, operator, '/foxtrot/v1/analytics', { opcode: 'count', table: 'crash', bypassCache: true });
      assert.equal(((await res.json()) as { count: number }).count, acknowledged);
      acknowledged += await postBatches(url, operator, 4, 250, 3);
      // The last writes are in the log only (the test cannot pass by their having been loaded).
      const dir = path.join(dataDir, 'telemetry');
      const logged = fs.readdirSync(dir).filter((name) => name.startsWith('ingest-')).reduce((n, name) => n + fs.statSync(path.join(dir, name)).size, 0);
      assert.ok(logged > 0);
      await killed(proc);
      assert.equal(await countAfterRestart(dataDir), acknowledged);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('should store once what a load committed before the log moved on', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'telemetry-crash-'));
    try {
      const { proc, url, operator } = await startChild(dataDir);
      assert.equal((await post(url, operator, '/foxtrot/v1/tables', { name: 'crash', ttl: 30 })).status, 201);
      const acknowledged = await postBatches(url, operator, 5, 200);
      // The log as a crash between a load's commit and the start of the next segment would leave it.
      const dir = path.join(dataDir, 'telemetry');
      const segments = fs.readdirSync(dir).filter((name) => name.startsWith('ingest-'));
      assert.ok(segments.length > 0);
      const saved = segments.map((name) => [name, fs.readFileSync(path.join(dir, name))] as const);
      const res = await post(url, operator, '/foxtrot/v1/analytics', { opcode: 'count', table: 'crash', bypassCache: true });
      assert.equal(((await res.json()) as { count: number }).count, acknowledged);
      await killed(proc);
      for (const [name, bytes] of saved) fs.writeFileSync(path.join(dir, name), bytes);
      assert.equal(await countAfterRestart(dataDir), acknowledged);
      assert.equal(await countAfterRestart(dataDir), acknowledged);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
