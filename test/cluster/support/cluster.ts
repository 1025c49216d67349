/**
 * Three shop nodes on one PostgreSQL database (a fresh one per suite), optionally one Redis, and
 * nginx in front: each node a real `npm start` process (`server/main.ts`) with a DATA_DIR of its
 * own, so nothing one node keeps on its disk can help another. The first node migrates and seeds;
 * the other two start together once it is ready.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from '../../../server/store/database';
import { shopNodeArgs } from '../../../server/node-args';
import { rootDir } from '../../../webpack/paths';
import { startNginx, type Nginx } from './nginx';
import { freePort } from '../../support/free-port';
import { run, waitUntil, type Running } from './processes';

export interface ShopNode {
  name: string;
  url: string;
  dataDir: string;
  process: Running;
}

export interface Cluster {
  nodes: ShopNode[];
  /** nginx, balancing over every node. */
  url: string;
  /** The dist folder every node serves from (a copy of the build, so tests may deploy into it). */
  distDir: string;
  databaseUrl: string;
  /** The test's own connection to the nodes' store. */
  store: Store;
  /** Whether the nodes share Redis too. */
  redis: boolean;
  /** Every SMS any node wrote to its outbox. */
  sms(): { to: string; body: string }[];
  /** Stops node `i` with SIGTERM (it drains), then starts it again on its port; answers the exit code. */
  restart(i: number): Promise<number | null>;
  close(): Promise<void>;
}

export interface ClusterOptions {
  redis: boolean;
  /** Extra environment for every node. */
  env?: Record<string, string>;
  /** Nodes to start (3 by default). */
  nodes?: number;
}

/** The PostgreSQL server the tests use, or null when the run has none. */
export function testDatabaseUrl(): string | null {
  return process.env.TEST_DATABASE_URL ?? null;
}

/** Starts the cluster: database, Redis (when asked), three nodes, nginx. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const base = testDatabaseUrl();
  if (!base) throw new Error('cluster tests need TEST_DATABASE_URL');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-cluster-'));
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const database = `cluster_${crypto.randomBytes(5).toString('hex')}`;
    await admin(base, `CREATE DATABASE ${database}`);
    stops.push(() => admin(base, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const databaseUrl = withDatabase(base, database);

    let redisUrl: string | undefined;
    if (options.redis) {
      const port = await freePort();
      const redis = run('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
      stops.push(() => redis.stop(5000));
      await waitUntil(async () => /Ready to accept connections/.test(redis.log()), 'redis-server', { process: redis, limitMs: 20_000 });
      redisUrl = `redis://127.0.0.1:${port}`;
    }

    const distDir = path.join(root, 'dist');
    fs.cpSync(path.join(rootDir, 'dist'), distDir, { recursive: true });
    const nodes: ShopNode[] = [];
    const start = async (name: string, port?: number): Promise<ShopNode> => {
      port ??= await freePort();
      const dataDir = path.join(root, name);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DIST_DIR: distDir,
        DATABASE_URL: databaseUrl,
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
        LOG_LEVEL: 'warn',
        INSECURE_COOKIES: '1',
        // nginx on this machine is the proxy; the tests name the shopper's address in X-Forwarded-For.
        TRUST_PROXY: 'loopback',
        SEED_PRODUCTS: '120',
        SEED_PHOTOS: 'off',
        SHUTDOWN_GRACE_MS: '5000',
        ...options.env,
      };
      const process_ = run(process.execPath, shopNodeArgs(path.join(rootDir, 'server/main.ts')), { cwd: rootDir, env });
      const node: ShopNode = { name, url: `http://127.0.0.1:${port}`, dataDir, process: process_ };
      stops.push(() => process_.stop());
      await waitUntil(async () => (await fetch(`${node.url}/readyz`)).status === 200, `node ${name}`, { process: process_, limitMs: 90_000 });
      return node;
    };
    // The first node migrates and seeds the empty database; the others find both done.
    nodes.push(await start('a'));
    const names = 'bcdefgh'.slice(0, (options.nodes ?? 3) - 1).split('');
    nodes.push(...(await Promise.all(names.map((name) => start(name)))));

    const nginx: Nginx = await startNginx(path.join(root, 'nginx'), nodes.map((node) => Number(new URL(node.url).port)));
    stops.push(() => nginx.stop());
    const store = await openStore({ dataDir: path.join(root, 'test'), databaseUrl });
    stops.push(() => store.close());

    return {
      nodes,
      url: nginx.url,
      distDir,
      databaseUrl,
      store,
      redis: options.redis,
      sms: () => nodes.flatMap((node) => readOutbox(node.dataDir)),
      async restart(i) {
        const node = nodes[i]!;
        const code = await node.process.stop(30_000);
        nodes[i] = await start(node.name, Number(new URL(node.url).port));
        return code;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function readOutbox(dataDir: string): { to: string; body: string }[] {
  const file = path.join(dataDir, 'outbox', 'sms.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { to: string; body: string });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
