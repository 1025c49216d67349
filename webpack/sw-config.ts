/**
 * The service worker build: Workbox's InjectManifest compiles `sw/index.ts` (with the same
 * TypeScript loader and minifier as every browser build) into one `sw.js`. The build-time manifest
 * is empty on purpose: apps deploy separately, so the server injects the current release's precache
 * list when it serves `/sw.js` (see decisions/0007-service-worker.md).
 */
import type { Configuration } from 'webpack';
import { InjectManifest } from 'workbox-webpack-plugin';
import { createBaseConfig } from './base-config';
import { createMinimizers } from './minimizers';
import { rootDir } from './paths';

/** The worker's file name inside its build folder. */
export const SW_FILE = 'sw.js';

export function createSwConfig(outputPath: string): Configuration {
  const base = createBaseConfig();
  return {
    ...base,
    name: 'sw',
    target: ['webworker', 'es2020'],
    // InjectManifest runs as a child of some compilation; this one has nothing of its own to emit.
    entry: { unused: `${rootDir}/webpack/empty-module.js` },
    output: { path: outputPath, filename: '[name].js', clean: true },
    optimization: { minimizer: createMinimizers(), splitChunks: false, runtimeChunk: false },
    plugins: [
      new InjectManifest({
        swSrc: `${rootDir}/sw/index.ts`,
        swDest: SW_FILE,
        compileSrc: true,
        // Nothing of this compilation is precached from here: the server adds the release's files.
        exclude: [/./],
      }),
    ],
  };
}
