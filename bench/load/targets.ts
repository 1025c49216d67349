/**
 * Starting the shop and the bare node:http baseline (bench/servers/fast-targets.ts) in a child
 * process each, and recording the shop's exact answers for the baseline to send.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { rootDir } from '../../webpack/paths';
import type { CatalogAnswersStats } from '../../server/catalog/answers/catalog-answers';
import type { Recorded } from '../servers/fast-targets';

export interface Target {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Memory of the process and, for the shop, its answer stats. */
  stats(): Promise<{ rss: number; heapUsed: number; answers?: CatalogAnswersStats }>;
  stop(): void;
}

/** Starts `shop` (on the store in `dataDir`) or `node-http` (sending `recordedFile`'s answers). */
export async function startTarget(kind: 'shop' | 'node-http', dataDir: string, recordedFile?: string): Promise<Target> {
  const child = fork(path.join(rootDir, 'bench/servers/fast-targets.ts'), [kind, dataDir, ...(recordedFile ? [recordedFile] : [])], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: { type: string; port?: number }) => {
      if (message.type !== 'listening') return;
      child.off('message', onMessage);
      resolve(message.port!);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    pid: child.pid!,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== 'stats') return;
          child.off('message', onMessage);
          resolve(message as unknown as Awaited<ReturnType<Target['stats']>>);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    stop: () => child.kill(),
  };
}

/** One GET with one Accept-Encoding, no decoding: the status, headers and bytes as sent. */
export function rawGet(url: string, encoding: string, accept = '*/*'): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding, accept } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, String(value)]));
          resolve({ status: res.statusCode!, headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

/** The shop's answers to `paths` in each coding, for the baseline to send byte for byte. */
export async function recordAnswers(shopUrl: string, paths: readonly string[]): Promise<Recorded> {
  const recorded: Recorded = {};
  for (const p of paths) {
    recorded[p] = {};
    for (const coding of ['identity', 'gzip', 'br']) {
      const res = await rawGet(shopUrl + p, coding, 'text/html');
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      // Shells come in gzip and identity only; record only what the shop actually sent.
      const sent = res.headers['content-encoding'] ?? 'identity';
      recorded[p]![sent] = { status: res.status, headers: res.headers, body: res.body.toString('base64') };
    }
  }
  return recorded;
}
