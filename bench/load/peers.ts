/**
 * The peers of the page-view benchmark: small packages of their own in `bench/peers/<name>/`,
 * copied into `.cache/peers/<name>/`, installed there with `npm ci` from their own lock file and
 * built with their own tools (never dependencies of the shop). Each serves the same product JSON
 * the shop serves, read once at start from `PEER_PRODUCTS`, rendered per request.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../webpack/paths';
import { freePort } from '../../test/support/free-port';

export type PeerName = 'react-router' | 'next';

interface PeerSpec {
  label: string;
  /** The production server, from the package's own node_modules. */
  command(port: number): string[];
}

const PEERS: Record<PeerName, PeerSpec> = {
  'react-router': {
    label: 'React Router 7 framework SSR',
    command: () => ['node_modules/@react-router/serve/bin.js', 'build/server/index.js'],
  },
  next: {
    label: 'Next.js App Router SSR',
    command: (port) => ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
  },
};

const sourceDir = (name: PeerName) => path.join(rootDir, 'bench', 'peers', name);
const workDir = (name: PeerName) => path.join(rootDir, '.cache', 'peers', name);

function hashDir(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Installs and builds a peer unless its sources are unchanged since the last build. */
export function preparePeer(name: PeerName): void {
  const work = workDir(name);
  const sources = hashDir(sourceDir(name));
  const stamp = path.join(work, '.bench-built');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sources) return;
  const lock = (dir: string) => (fs.existsSync(path.join(dir, 'package-lock.json')) ? fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8') : '');
  const reinstall = lock(sourceDir(name)) !== lock(work) || !fs.existsSync(path.join(work, 'node_modules'));
  fs.mkdirSync(work, { recursive: true });
  fs.cpSync(sourceDir(name), work, { recursive: true });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (reinstall) {
    console.log(`  installing ${name} (npm ci)`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  console.log(`  building ${name}`);
  execFileSync('npm', ['run', 'build'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], env });
  fs.writeFileSync(stamp, sources);
}

export interface RunningPeer {
  label: string;
  url: string;
  pid: number;
  stop(): void;
}

/** Starts a built peer serving `productsFile`, once `probePath` answers 200. */
export async function startPeer(name: PeerName, productsFile: string, probePath: string): Promise<RunningPeer> {
  const spec = PEERS[name];
  const port = await freePort();
  const [script, ...args] = spec.command(port);
  const child: ChildProcess = spawn(process.execPath, [script!, ...args], {
    cwd: workDir(name),
    // Request logs (react-router-serve logs each request) go nowhere, as they would to a file.
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', PEER_PRODUCTS: productsFile },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const status = await fetch(url + probePath).then((res) => res.status, () => 0);
    if (status === 200) break;
    if (i > 300) throw new Error(`${name} did not answer ${probePath} within 30 s (last status ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { label: spec.label, url, pid: child.pid!, stop: () => child.kill() };
}
