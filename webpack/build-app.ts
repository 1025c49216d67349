/**
 * Builds one app against the current vendors build: client bundles, shell renderer, shells, manifest.
 * The result lands in `dist/apps/<app>/<buildId>/`, named by its content; activating it is deploy's job.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { StatsCompilation } from 'webpack';
import type { RouteTable } from '../shared/route-table';
import {
  appManifestSchema,
  readManifest,
  readPointer,
  vendorsManifestSchema,
  type AppManifest,
  type VendorsManifest,
  vendorsIncompatibilities,
} from '../server/shells/release-manifest';
import { createClientConfig } from './client-config';
import { hashDirectory, publishDirectory } from './content-hash';
import { distDir, rootDir, stagingDir, type App } from './paths';
import { runWebpack } from './run-webpack';
import { createServerConfig } from './server-config';
import { renderShells } from './shells';
import { VENDORS_GLOBAL } from './vendors-config';
import { distLayout, MANIFEST_FILE } from '../shared/dist-layout';

/** The vendors build an app is built against: the active one. */
export function currentVendors(): VendorsManifest {
  const dist = distDir();
  const hash = readPointer(distLayout.vendorsPointer(dist));
  if (!hash) throw new Error('No vendors build is active: run `npm run build` (or `npm run deploy -- vendors`) first.');
  return readManifest(distLayout.vendorsManifest(dist, hash), vendorsManifestSchema);
}

/** Builds `app`; returns the manifest of the (possibly already existing, identical) build. */
export async function buildApp(app: App): Promise<AppManifest> {
  const vendors = currentVendors();
  const staging = stagingDir(app);
  const clientDir = path.join(staging, 'release', 'client');
  // Inside the project, so the renderer's require('react') finds node_modules wherever dist lives.
  const rendererDir = path.join(rootDir, '.cache', 'renderers', path.basename(staging));
  try {
    const [clientStats] = await Promise.all([
      runWebpack(createClientConfig(app, clientDir)),
      runWebpack(createServerConfig(app, rendererDir)),
    ]);
    const json = clientStats.toJson({ all: false, entrypoints: true, chunks: true, chunkGroups: true, modules: true, nestedModules: true, usedExports: true });
    const shells = await renderShells(path.join(rendererDir, 'shell.cjs'), path.join(staging, 'release', 'shells'));
    const table = await loadRouteTable(app);
    const partial = {
      app,
      entry: entryFiles(json, app),
      pages: pageFiles(json, shells.map((s) => s.shell)),
      routes: table.routes.map(({ shell, path: routePath, title, data }) => ({ shell, path: routePath, title, ...(data === undefined ? {} : { data }) })),
      shells,
      vendors: { hash: vendors.hash, modules: vendors.modules, uses: vendorUses(json, vendors) },
    };
    const problems = vendorsIncompatibilities(vendors, partial.vendors);
    if (problems.length > 0) throw new Error(`${app} needs what vendors build ${vendors.hash} lacks: ${problems.join('; ')}.`);
    // The build id covers every byte a browser could receive from this release, and its manifest.
    const buildId = hashDirectory(path.join(staging, 'release'), JSON.stringify(partial));
    const manifest = appManifestSchema.parse({ ...partial, buildId });
    fs.writeFileSync(path.join(staging, 'release', MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    publishDirectory(path.join(staging, 'release'), distLayout.appDir(distDir(), app, buildId));
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(rendererDir, { recursive: true, force: true });
  }
}

async function loadRouteTable(app: App): Promise<RouteTable> {
  const module = (await import(`../apps/${app}/src/routes.ts`)) as { routeTable: RouteTable };
  return module.routeTable;
}

function filesOf(names: readonly string[]): { js: string[]; css: string[] } {
  return { js: names.filter((n) => n.endsWith('.js')), css: names.filter((n) => n.endsWith('.css')) };
}

function entryFiles(json: StatsCompilation, app: App): AppManifest['entry'] {
  const assets = json.entrypoints?.[app]?.assets?.map((a) => a.name) ?? [];
  const files = filesOf(assets);
  if (files.js.length !== 1) throw new Error(`The ${app} client build should have one entry script, found ${files.js.join(', ') || 'none'}.`);
  return files;
}

/** Each route type's chunks, from the named chunk group `page-<shell>` its dynamic import declares. */
function pageFiles(json: StatsCompilation, shells: string[]): AppManifest['pages'] {
  const pages: AppManifest['pages'] = {};
  for (const shell of shells) {
    const group = json.namedChunkGroups?.[`page-${shell}`];
    if (!group) {
      throw new Error(`No chunk named page-${shell}: import the ${shell} page as import(/* webpackChunkName: "page-${shell}" */ '…').`);
    }
    pages[shell] = filesOf(group.assets?.map((a) => a.name) ?? []);
  }
  return pages;
}

/** The names the app uses of each vendors module, so any later vendors build can be checked against them. */
function vendorUses(json: StatsCompilation, vendors: VendorsManifest): Record<string, string[]> {
  const modules = [...(json.modules ?? []), ...(json.modules ?? []).flatMap((m) => m.modules ?? [])];
  const uses: Record<string, string[]> = {};
  for (const [name, exposed] of Object.entries(vendors.exports)) {
    // Stats print the external's request with its quotes escaped.
    const external = modules.find((m) => m.name?.replaceAll('\\', '') === `external "${VENDORS_GLOBAL}[${JSON.stringify(name)}]"`);
    if (!external) continue;
    // `true`/null means the app uses the module as a whole (a namespace import): it needs every name.
    uses[name] = Array.isArray(external.usedExports) ? [...external.usedExports].sort() : exposed;
  }
  return uses;
}
