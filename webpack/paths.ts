/** Where sources and build outputs live. DIST_DIR moves the outputs (tests build into a temp folder). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const appsDir = path.join(rootDir, 'apps');
export const kitEntry = path.join(appsDir, 'kit', 'src', 'index.ts');
export const shellTemplate = path.join(rootDir, 'shells', 'index.hbs');

/** The separately deployable apps, in the order a full build takes them. */
export const APPS = ['home-browse-product', 'checkout', 'accounts'] as const;
export type App = (typeof APPS)[number];

export function isApp(name: string): name is App {
  return (APPS as readonly string[]).includes(name);
}

/** The dist folder for this process. */
export function distDir(): string {
  return path.resolve(process.env.DIST_DIR ?? path.join(rootDir, 'dist'));
}

/** Scratch space for one build; never served. */
export function stagingDir(name: string): string {
  return path.join(distDir(), '.staging', `${name}-${process.pid}-${Date.now()}`);
}
