/**
 * A shop server of the test's own, for journeys that change server-wide state (the kill switch, a
 * deploy) or must count what reached the server (COUNT_REQUESTS=1): started on a free port with a
 * fresh store, and stopped by its own process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/support/free-port';
import { shopNodeArgs } from '../../server/node-args';

const root = path.resolve(import.meta.dirname, '../..');

export interface OwnServer {
  url: string;
  dataDir: string;
  distDir: string;
  /** Paths the server saw since the last reset, with their counts. */
  requests(): Promise<Record<string, number>>;
  resetRequests(): Promise<void>;
  /** `npm run sw -- <command>` against this server's store. */
  sw(command: 'kill' | 'revive'): void;
  /** Waits until the server's kill flag reads `killed`. */
  waitForKillFlag(killed: boolean): Promise<void>;
  stop(): Promise<void>;
}

/** A copy of the built dist folder (without build scratch), for tests that deploy into it. */
export function copyDist(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-e2e-dist-'));
  fs.cpSync(path.join(root, 'dist'), target, { recursive: true, filter: (source) => !source.includes(`${path.sep}.staging`) });
  return target;
}

/** `npm run deploy -- <app>` into `distDir`. */
export function deploy(app: string, distDir: string, label: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'webpack/deploy.ts'), app], {
    cwd: root,
    env: { ...process.env, DIST_DIR: distDir, RELEASE_LABEL: label },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`deploy failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

export async function startOwnServer(options: { distDir?: string; env?: Record<string, string> } = {}): Promise<OwnServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-e2e-own-'));
  const distDir = options.distDir ?? path.join(root, 'dist');
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, LOG_LEVEL: 'warn', COUNT_REQUESTS: '1', SEED_PRODUCTS: '600', ...options.env };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, shopNodeArgs(path.join(root, 'server/main.ts')), { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  // localhost, not 127.0.0.1: a secure context for service workers, and the origin the tests use.
  const url = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the shop server exited with ${child.exitCode}`);
    const up = await fetch(`${url}/sw-status.json`).then((res) => res.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('the shop server did not start within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    dataDir,
    distDir,
    requests: async () => (await (await fetch(`${url}/__test/requests`)).json()) as Record<string, number>,
    resetRequests: async () => {
      await fetch(`${url}/__test/requests`, { method: 'DELETE' });
    },
    sw(command) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/pwa/sw-cli.ts'), command], { cwd: root, env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`npm run sw -- ${command} failed:\n${result.stdout}${result.stderr}`);
    },
    async waitForKillFlag(killed) {
      for (let i = 0; i < 100; i++) {
        // A failed request is a "not yet": the server may close an idle kept-alive socket as it is reused.
        const flag = await fetch(`${url}/sw-status.json`)
          .then(async (res) => ((await res.json()) as { killed: boolean }).killed)
          .catch(() => null);
        if (flag === killed) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the kill flag did not become ${killed}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
