/**
 * Where the console's build lives: `dist/ops-console/<hash>/` with a manifest, and `current.json`
 * naming the active one. Shared by the build (which writes it) and the server (which reads it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { distLayout } from '../../../shared/dist-layout';
import { readPointer } from '../../shells/release-manifest';

export const consoleManifestSchema = z.object({ hash: z.string().regex(/^[a-f0-9]{12}$/), js: z.string(), css: z.string().nullable() });
export type ConsoleManifest = z.infer<typeof consoleManifestSchema>;

/** The active console build's manifest, or null when the console was never built. */
export function readConsoleManifest(dist: string): ConsoleManifest | null {
  const hash = readPointer(distLayout.consolePointer(dist));
  if (!hash) return null;
  try {
    return consoleManifestSchema.parse(JSON.parse(fs.readFileSync(distLayout.consoleManifest(dist, hash), 'utf8')));
  } catch {
    return null;
  }
}
