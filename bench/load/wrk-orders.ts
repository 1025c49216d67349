/**
 * Runs wrk with `orders.lua` for the steady-orders benchmark: either POST /api/orders with a line
 * of a prepared file per request (its buyer's session cookie and the order's JSON) and a fresh
 * Idempotency-Key each, or the GET of a plain JSON path, over the same connections. wrk is C, so
 * it leaves the shop more of this 2-core machine than a generator in JavaScript; its own CPU time
 * per request is measured and printed beside the results.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WRK = '/usr/bin/wrk';
const SCRIPT = path.join(import.meta.dirname, 'orders.lua');
/** wrk threads: two event loops share the connections (one per core would be all the machine has). */
const THREADS = 2;

/** What one wrk run measured. */
export interface WrkRound {
  /** Answers per second with the expected status. */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests written (the last ones may be cut off unanswered when the run ends). */
  sent: number;
  /** Answers with the expected status (201 for orders, 200 for the plain GET). */
  ok: number;
  /** Other answers, socket errors and time-outs. */
  failed: number;
  /** wrk's own CPU time per request sent, ms. */
  generatorCpu: number;
}

export type WrkLoad = { kind: 'orders'; lines: ReadonlyArray<{ cookie: string; body: string }> } | { kind: 'get'; path: string };

/** Loads `baseUrl` over `connections` for `seconds`. */
export async function runWrk(baseUrl: string, load: WrkLoad, connections: number, seconds: number): Promise<WrkRound> {
  if (!fs.existsSync(WRK)) throw new Error(`${WRK} is missing: apt-get install -y wrk`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-orders-'));
  const file = path.join(dir, 'requests.txt');
  fs.writeFileSync(file, load.kind === 'get' ? `${load.path}\n` : load.lines.map((l) => `${l.cookie}\t${l.body}`).join('\n') + '\n');
  try {
    // A fresh key prefix per run: keys never repeat across rounds on the same store.
    const prefix = crypto.randomBytes(6).toString('hex');
    const wrkArgs = ['--latency', '-t', String(THREADS), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '30s', '-s', SCRIPT, baseUrl, '--', load.kind, file, String(THREADS), prefix];
    // bash's `times` prints the CPU time its children (wrk) used: the generator's cost, measured.
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('bash', ['-c', '"$@"; status=$?; times; exit $status', 'bash', WRK, ...wrkArgs], { maxBuffer: 1 << 20 }, (error, out, err) => (error ? reject(new Error(`wrk failed: ${err || error.message}`)) : resolve(out)));
    });
    if (process.env.BENCH_WRK_VERBOSE) console.log(stdout);
    const line = stdout.split('\n').find((l) => l.startsWith('{"sent"'));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const r = JSON.parse(line) as { sent: number; ok: number; other: number; seconds: number; p50: number; p99: number; max: number; socketErrors: number; timeouts: number };
    return { rps: r.ok / r.seconds, p50: r.p50, p99: r.p99, max: r.max, sent: r.sent, ok: r.ok, failed: r.other + r.socketErrors + r.timeouts, generatorCpu: (childrenCpuSeconds(stdout) * 1000) / Math.max(r.sent, 1) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** User + system seconds of the children, from the second line of bash's `times` ("0m1.234s 0m0.567s"). */
function childrenCpuSeconds(stdout: string): number {
  const lines = stdout.trim().split('\n');
  const times = lines.at(-1)!.match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
  if (!times) return NaN;
  return Number(times[1]) * 60 + Number(times[2]) + Number(times[3]) * 60 + Number(times[4]);
}
