/**
 * Runs wrk (a C load generator, lighter on this 2-core machine than one written in JavaScript)
 * with `page-views.lua`: page views per second and their latency, from the first request of a
 * view to its last. One thread per connection, so each connection's requests stay in order.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds } from './cpu';

const WRK = '/usr/bin/wrk';
const SCRIPT = path.join(import.meta.dirname, 'page-views.lua');

export interface LoadOptions {
  /** `pairs`: a shell, then the data its Link header names; `single`: every request is a page view. */
  mode: 'pairs' | 'single';
  paths: readonly string[];
  encoding: string;
  connections: number;
  seconds: number;
  /** The server's process: its CPU time over the run is reported per page view. */
  pid?: number;
}

export interface LoadResult {
  /** Page views per second. */
  rate: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers with status 400 or above, socket errors and time-outs. */
  failures: number;
  /** Server CPU time per page view, in microseconds (NaN without a pid). */
  cpuPerView: number;
}

/** Loads `baseUrl` for `seconds` and returns what wrk measured. */
export async function runLoad(baseUrl: string, options: LoadOptions): Promise<LoadResult> {
  if (!fs.existsSync(WRK)) throw new Error(`${WRK} is missing: apt-get install -y wrk`);
  const list = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-wrk-')), 'paths.txt');
  fs.writeFileSync(list, options.paths.join('\n') + '\n');
  try {
    const args = [
      '-t', String(options.connections), '-c', String(options.connections), '-d', `${options.seconds}s`, '--timeout', '10s',
      '-s', SCRIPT, baseUrl, '--', options.mode, list, options.encoding,
    ];
    const cpuBefore = options.pid ? cpuSeconds(options.pid) : NaN;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(WRK, args, { maxBuffer: 1 << 20 }, (error, out, err) => (error ? reject(new Error(`wrk failed: ${err || error.message}`)) : resolve(out)));
    });
    const line = stdout.split('\n').find((l) => l.startsWith('{"views"'));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const cpu = options.pid ? cpuSeconds(options.pid) - cpuBefore : NaN;
    const r = JSON.parse(line) as { views: number; seconds: number; requests: number; p50: number; p99: number; max: number; bad: number; socketErrors: number; timeouts: number };
    return { rate: r.views / r.seconds, requestsPerSecond: r.requests / r.seconds, p50: r.p50, p99: r.p99, max: r.max, failures: r.bad + r.socketErrors + r.timeouts, cpuPerView: (cpu * 1e6) / Math.max(r.views, 1) };
  } finally {
    fs.rmSync(path.dirname(list), { recursive: true, force: true });
  }
}

/** The result of the round with the median rate. */
export function medianRound(rounds: readonly LoadResult[]): LoadResult {
  return [...rounds].sort((a, b) => a.rate - b.rate)[Math.floor(rounds.length / 2)]!;
}

/** The 1-minute load average and the core count, to print beside every result on a shared machine. */
export function machineLoad(): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}
