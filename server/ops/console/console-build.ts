/**
 * Where the console's build lives: `dist/ops-console/<hash>/` with a manifest, and `current.json`
 * naming the active one. Shared by the build (which writes it) and the server (which reads it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readPointer } from '../../shells/release-manifest';

export const consoleManifestSchema = z.object({ hash: z.string().regex(/^[a-f0-9]{12}$/), js: z.string(), css: z.string().nullable() });
export type ConsoleManifest = z.infer<typeof consoleManifestSchema>;

export const consoleLayout = {
  root: (dist: string) => path.join(dist, 'ops-console'),
  dir: (dist: string, hash: string) => path.join(dist, 'ops-console', hash),
  pointer: (dist: string) => path.join(dist, 'ops-console', 'current.json'),
};

/** The active console build's manifest, or null when the console was never built. */
export function readConsoleManifest(dist: string): ConsoleManifest | null {
  const hash = readPointer(consoleLayout.pointer(dist));
  if (!hash) return null;
  try {
    return consoleManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(consoleLayout.dir(dist, hash), 'manifest.json'), 'utf8')));
  } catch {
    return null;
  }
}
