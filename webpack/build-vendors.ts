/** Builds the vendors bundle into `dist/vendors/<hash>/` and writes the manifest app builds check. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { VendorsManifest } from '../server/shells/release-manifest';
import { hashDirectory, publishDirectory } from './content-hash';
import { distDir, rootDir, stagingDir } from './paths';
import { runWebpack } from './run-webpack';
import { createVendorsConfig, VENDOR_MODULES } from './vendors-config';
import { readVendorsExports } from './vendors-exports';
import { distLayout, MANIFEST_FILE } from '../shared/dist-layout';

const require = createRequire(import.meta.url);

/** Builds the vendors bundle; returns its manifest. Building the same sources twice gives the same hash. */
export async function buildVendors(): Promise<VendorsManifest> {
  const staging = stagingDir('vendors');
  const stats = await runWebpack(createVendorsConfig(staging));
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true });
  const entryFiles = json.entrypoints?.vendors?.assets?.map((asset) => asset.name) ?? [];
  // Async chunks (what the kit loads after first paint): not in the shell, but in the precache.
  const chunks = (json.chunks ?? []).filter((chunk) => !chunk.initial).flatMap((chunk) => chunk.files ?? []).sort();
  const js = entryFiles.find((file) => file.endsWith('.js'));
  if (!js) throw new Error('The vendors build produced no JavaScript file.');
  const css = entryFiles.find((file) => file.endsWith('.css')) ?? null;
  const hash = hashDirectory(staging);
  const manifest: VendorsManifest = { hash, js, css, chunks, modules: moduleVersions(), exports: readVendorsExports(path.join(staging, js)) };
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  publishDirectory(staging, distLayout.vendorsDir(distDir(), hash));
  return manifest;
}

function moduleVersions(): Record<string, string> {
  const versionOf = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;
  const project = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string };
  const versions: Record<string, string> = {};
  for (const name of VENDOR_MODULES) {
    versions[name] = name === '@storefront/kit' ? project.version : versionOf(name.split('/')[0]!);
  }
  return versions;
}
