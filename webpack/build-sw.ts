/**
 * Builds the service worker into `dist/sw/<hash>/sw.js` (and the icons it precaches) and makes it
 * current. It depends only on `sw/` and the shared contract in `shared/`, so it is built with the vendors
 * bundle, never with one app: the server adds each release's precache list when serving it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { distLayout } from '../shared/dist-layout';
import { writePointer } from '../server/shells/release-manifest';
import { buildIcons } from './build-icons';
import { hashDirectory, publishDirectory } from './content-hash';
import { distDir, stagingDir } from './paths';
import { runWebpack } from './run-webpack';
import { createSwConfig, SW_FILE } from './sw-config';

/** Builds and activates the worker; returns its hash. The same sources give the same hash. */
export async function buildServiceWorker(): Promise<string> {
  buildIcons();
  const staging = stagingDir('sw');
  await runWebpack(createSwConfig(staging));
  for (const file of fs.readdirSync(staging)) if (file !== SW_FILE) fs.rmSync(path.join(staging, file), { recursive: true });
  const hash = hashDirectory(staging);
  const dist = distDir();
  publishDirectory(staging, distLayout.workerDir(dist, hash));
  writePointer(distLayout.workerPointer(dist), hash);
  return hash;
}
