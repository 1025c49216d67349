/**
 * Where every build output lives under the dist folder. The build writes these paths, the server
 * reads them and tests check them: this module is their one description. Paths are joined with
 * `/`, which Node's file functions accept on every platform the shop runs on.
 */

/** The file in each output folder that names its active build (replaced atomically). */
export const POINTER_FILE = 'current.json';

/** The file each build writes beside its outputs to describe them. */
export const MANIFEST_FILE = 'manifest.json';

/** The worker's file inside its build folder. */
export const WORKER_FILE = 'sw.js';

const join = (...parts: string[]): string => parts.join('/');

export const distLayout = {
  vendorsRoot: (dist: string) => join(dist, 'vendors'),
  vendorsDir: (dist: string, hash: string) => join(dist, 'vendors', hash),
  vendorsPointer: (dist: string) => join(dist, 'vendors', POINTER_FILE),
  vendorsManifest: (dist: string, hash: string) => join(dist, 'vendors', hash, MANIFEST_FILE),
  appRoot: (dist: string, app: string) => join(dist, 'apps', app),
  appDir: (dist: string, app: string, buildId: string) => join(dist, 'apps', app, buildId),
  appPointer: (dist: string, app: string) => join(dist, 'apps', app, POINTER_FILE),
  appManifest: (dist: string, app: string, buildId: string) => join(dist, 'apps', app, buildId, MANIFEST_FILE),
  consoleRoot: (dist: string) => join(dist, 'ops-console'),
  consoleDir: (dist: string, hash: string) => join(dist, 'ops-console', hash),
  consolePointer: (dist: string) => join(dist, 'ops-console', POINTER_FILE),
  consoleManifest: (dist: string, hash: string) => join(dist, 'ops-console', hash, MANIFEST_FILE),
  workerDir: (dist: string, hash: string) => join(dist, 'sw', hash),
  workerFile: (dist: string, hash: string) => join(dist, 'sw', hash, WORKER_FILE),
  workerPointer: (dist: string) => join(dist, 'sw', POINTER_FILE),
  iconsDir: (dist: string) => join(dist, 'icons'),
  iconsIndex: (dist: string) => join(dist, 'icons', 'icons.json'),
  /** Scratch space of builds in progress; never served. */
  stagingRoot: (dist: string) => join(dist, '.staging'),
} as const;

/**
 * URL paths (relative to `/static/`) of the hashed files a browser may fetch: the vendors bundle and
 * each app build's client files. Anything else under the dist folder (manifests, shells, pointers)
 * is never served.
 */
export const STATIC_ASSET_PATH = /^\/(vendors\/[a-f0-9]+\/[\w.-]+|apps\/[a-z-]+\/[a-f0-9]+\/client\/[\w.-]+)$/;
