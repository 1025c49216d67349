/**
 * Build times: a full build (vendors and every app) as the baseline, then one app
 * (`npm run build -- --app checkout`) against it, into a scratch dist folder.
 * Target: the checkout build under 20 s.
 * Run: npx tsx bench/build-time.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBuildCommand } from '../test/support/build-runner';

function timed(label: string, args: string[], dist: string): number {
  const started = process.hrtime.bigint();
  const result = runBuildCommand('build', args, { DIST_DIR: dist });
  if (result.status !== 0) throw new Error(`${label} failed:\n${result.output}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-bench-build-'));
try {
  const full = timed('full build', [], dist);
  const checkout = timed('checkout build', ['--app', 'checkout'], dist);
  console.log('Build times');
  console.log(`  full build (vendors + 3 apps)      ${full.toFixed(1)} s`);
  console.log(`  npm run build -- --app checkout    ${checkout.toFixed(1)} s   (${((checkout / full) * 100).toFixed(0)}% of a full build; target < 20 s: ${checkout < 20 ? 'met' : 'NOT met'})`);
} finally {
  fs.rmSync(dist, { recursive: true, force: true });
}
