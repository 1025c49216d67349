/** Argument parsing shared by the build and deploy commands. */
import { parseArgs } from 'node:util';
import { APPS, isApp, type App } from './paths';

/** Exits with a usage message; the commands' one way to refuse bad input. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Parses `--app <name>` (build) or a positional name (deploy) into a list of targets. */
export function parseTargets(argv: string[], usage: string): { apps: App[]; vendors: boolean; all: boolean } {
  const { values, positionals } = parseArgs({ args: argv, options: { app: { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
  const names = [...(values.app ?? []), ...positionals];
  if (names.length === 0) return { apps: [...APPS], vendors: true, all: true };
  const apps: App[] = [];
  let vendors = false;
  for (const name of names) {
    if (name === 'vendors') vendors = true;
    else if (isApp(name)) apps.push(name);
    else fail(`Unknown app "${name}". Apps: ${APPS.join(', ')}, or vendors.\n${usage}`);
  }
  return { apps, vendors, all: false };
}
