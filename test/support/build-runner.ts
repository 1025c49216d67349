/** Runs the project's build and deploy commands into a dist folder of the test's own. */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../webpack/paths';

export interface CommandResult {
  status: number;
  output: string;
}

/** `npx tsx webpack/<script>.ts …args` with DIST_DIR (and any extra env) set. */
export function runBuildCommand(script: 'build' | 'deploy', args: string[], env: Record<string, string>): CommandResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'webpack', `${script}.ts`), ...args], {
    cwd: rootDir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Path → SHA-256 of every file below `dir`. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.set(rel, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, rel))).digest('hex'));
    }
  };
  if (fs.existsSync(dir)) walk('');
  return files;
}
