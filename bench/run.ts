/**
 * `npm run bench`: every benchmark in turn, each printing its results as ratios against a baseline
 * measured in the same run, after a build of the current sources. Each is also runnable alone (see
 * its header; those that serve pages use the last build in `dist/`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { rootDir } from '../webpack/paths';

const BENCHMARKS: Array<{ file: string; args: string[] }> = [
  { file: 'bundle-bytes.ts', args: [] },
  { file: 'build-time.ts', args: [] },
  { file: 'shell-serving.ts', args: [] },
  { file: 'fast-paths.ts', args: [] },
  { file: 'page-view.ts', args: [] },
  { file: 'sale.ts', args: [] },
  { file: 'sw-repeat-visit.ts', args: [] },
  { file: 'lighthouse.ts', args: [] },
  { file: 'inp.ts', args: [] },
  { file: 'images.ts', args: [] },
  { file: 'telemetry-ingest.ts', args: ['sqlite'] },
  { file: 'telemetry-query.ts', args: ['sqlite'] },
  // Ten million events: the same queries, then again while new events keep arriving.
  { file: 'telemetry-query.ts', args: ['sqlite', '10000000', '--while-ingesting'] },
  { file: 'order-flash-sale.ts', args: ['sqlite'] },
  { file: 'order-steady.ts', args: ['sqlite'] },
  { file: 'order-crash.ts', args: ['sqlite'] },
  { file: 'push-campaign.ts', args: [] },
  // PostgreSQL too when a server is given (as for the tests); the telemetry ones with their own targets.
  ...(process.env.TEST_DATABASE_URL
    ? [
        { file: 'telemetry-ingest.ts', args: ['postgres'] },
        { file: 'telemetry-query.ts', args: ['postgres'] },
        { file: 'order-flash-sale.ts', args: ['postgres'] },
        { file: 'order-steady.ts', args: ['postgres'] },
        { file: 'order-crash.ts', args: ['postgres'] },
        { file: 'change-propagation.ts', args: [] },
        { file: 'cluster.ts', args: [] },
      ]
    : []),
];

// Every benchmark that serves pages measures `dist/`: build it from the current sources first.
console.log('### npm run build\n');
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: rootDir });
if (build.status !== 0) process.exit(1);

let failed = 0;
for (const { file, args } of BENCHMARKS) {
  console.log(`\n### ${file} ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(rootDir, 'bench', file), ...args], { stdio: 'inherit', cwd: rootDir });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
