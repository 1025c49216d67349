/** Where sources and build outputs live. DIST_DIR moves the outputs (tests build into a temp folder). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distLayout } from '../shared/dist-layout';

export { APPS, isApp, type AppName as App } from '../shared/apps';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const appsDir = path.join(rootDir, 'apps');
export const kitEntry = path.join(appsDir, 'kit', 'src', 'index.ts');
export const shellTemplate = path.join(rootDir, 'shells', 'index.hbs');

/** The dist folder for this process. */
export function distDir(): string {
  return path.resolve(process.env.DIST_DIR ?? path.join(rootDir, 'dist'));
}

/** Scratch space for one build; never served. */
export function stagingDir(name: string): string {
  return path.join(distLayout.stagingRoot(distDir()), `${name}-${process.pid}-${Date.now()}`);
}
