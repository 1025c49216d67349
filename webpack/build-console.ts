/** Builds the ops console into `dist/ops-console/<hash>/` and makes it the one the server serves. */
import fs from 'node:fs';
import path from 'node:path';
import { distLayout, MANIFEST_FILE } from '../shared/dist-layout';
import { type ConsoleManifest } from '../server/ops/console/console-build';
import { writePointer } from '../server/shells/release-manifest';
import { hashDirectory, publishDirectory } from './content-hash';
import { createConsoleConfig } from './console-config';
import { distDir, stagingDir } from './paths';
import { runWebpack } from './run-webpack';

export async function buildConsole(): Promise<ConsoleManifest> {
  const staging = stagingDir('ops-console');
  const stats = await runWebpack(createConsoleConfig(staging));
  const files = stats.toJson({ all: false, entrypoints: true }).entrypoints?.console?.assets?.map((a) => a.name) ?? [];
  const js = files.find((f) => f.endsWith('.js'));
  if (!js) throw new Error('The ops console build produced no JavaScript file.');
  const hash = hashDirectory(staging);
  const manifest: ConsoleManifest = { hash, js, css: files.find((f) => f.endsWith('.css')) ?? null };
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  publishDirectory(staging, distLayout.consoleDir(distDir(), hash));
  writePointer(distLayout.consolePointer(distDir()), hash);
  return manifest;
}

// `tsx webpack/build-console.ts` builds only the console.
if (import.meta.url === `file://${process.argv[1]}`) {
  buildConsole().then(
    (m) => console.log(`ops-console ${m.hash}  ${m.js}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
