/**
 * What a build writes and a server reads: the vendors manifest, each app build's manifest, and the
 * current-release pointers. Pointers are replaced atomically (write, then rename) so a server never
 * reads half a release.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const routeDef = z.object({ shell: z.string(), path: z.string(), title: z.string(), data: z.string().optional() });
const files = z.object({ js: z.array(z.string()), css: z.array(z.string()) });

export const vendorsManifestSchema = z.object({
  hash: z.string(),
  js: z.string(),
  css: z.string().nullable(),
  /** Files loaded after first paint (async chunks): precached, never named by a shell. */
  chunks: z.array(z.string()).default([]),
  /** Module name → exact version the bundle exposes. */
  modules: z.record(z.string(), z.string()),
  /** Module name → the names it exposes. */
  exports: z.record(z.string(), z.array(z.string())),
});
export type VendorsManifest = z.infer<typeof vendorsManifestSchema>;

export const appManifestSchema = z.object({
  app: z.string(),
  buildId: z.string(),
  /** Client files, relative to the build's client folder. */
  entry: files,
  /** Route-level chunks of each shell. */
  pages: z.record(z.string(), files),
  routes: z.array(routeDef),
  shells: z.array(z.object({ shell: z.string(), title: z.string(), status: z.number() })),
  /** What this build needs of the vendors bundle: versions it was built against, names it uses. */
  vendors: z.object({
    hash: z.string(),
    modules: z.record(z.string(), z.string()),
    uses: z.record(z.string(), z.array(z.string())),
  }),
});
export type AppManifest = z.infer<typeof appManifestSchema>;

const pointerSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), activatedAt: z.string() });

/** The id a pointer file names, or null when there is none yet. */
export function readPointer(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return pointerSchema.parse(JSON.parse(text)).id;
}

/** Points `file` at `id`, atomically. */
export function writePointer(file: string, id: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, JSON.stringify({ id, activatedAt: new Date().toISOString() }) + '\n');
  fs.renameSync(temp, file);
}

/** Reads and validates a JSON manifest, naming the file in any error. */
export function readManifest<T>(file: string, schema: z.ZodType<T>): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Missing build manifest ${file}: run \`npm run build\` first.`, { cause: error });
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Build manifest ${file} is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Why `vendors` cannot serve an app that needs `required`: a module missing, a major version
 * changed, or a name the app uses no longer exposed. Empty when compatible.
 */
export function vendorsIncompatibilities(vendors: VendorsManifest, required: Pick<AppManifest['vendors'], 'modules' | 'uses'>): string[] {
  const problems: string[] = [];
  for (const [name, version] of Object.entries(required.modules)) {
    const offered = vendors.modules[name];
    if (!offered) problems.push(`${name} is no longer in the vendors bundle`);
    else if (major(offered) !== major(version)) problems.push(`${name} moved from ${version} to ${offered}`);
  }
  for (const [name, used] of Object.entries(required.uses)) {
    const exposed = new Set(vendors.exports[name] ?? []);
    const missing = used.filter((item) => !exposed.has(item));
    if (missing.length > 0) problems.push(`${name} does not expose ${missing.join(', ')}`);
  }
  return problems;
}

function major(version: string): string {
  return version.split('.')[0] ?? version;
}
