import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SHOP_NODE_ARGS, shopNodeArgs } from './node-args';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const expected = ['node', ...shopNodeArgs('server/main.ts')];

describe('SHOP_NODE_ARGS', () => {
  // Files that cannot import the list spell it out: each launch line must be exactly the list's.
  const launches: Array<[string, () => string[]]> = [
    ['npm start', () => (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!.split(' ')],
    ['the systemd unit', () => /^ExecStart=(.*)$/m.exec(read('deploy/systemd/storefront@.service'))![1]!.replace('/usr/bin/node', 'node').split(' ')],
    ['the container image', () => JSON.parse(/^CMD (\[.*\])$/m.exec(read('deploy/Dockerfile'))![1]!) as string[]],
  ];
  for (const [name, argv] of launches) {
    it(`should start the server with the shop's node flags in ${name}`, () => {
      assert.deepEqual(argv(), expected);
    });
  }

  it('should be flags this Node accepts on its command line', () => {
    const run = spawnSync(process.execPath, [...SHOP_NODE_ARGS, '-e', '0'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });

  it('should enlarge the young generation, which only a command-line flag can (V8 sizes it when the heap is made)', () => {
    // Objects kept alive a while (as requests in flight keep theirs) make V8 grow the young generation up to its limit.
    const churn = `const ring = new Array(100000); for (let i = 0; i < 3e6; i++) ring[i % 100000] = { i, s: 'x' + i };
      console.log(require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
    const youngBytes = (args: readonly string[]) => Number(spawnSync(process.execPath, [...args, '-e', churn], { encoding: 'utf8' }).stdout.trim());
    assert.ok(youngBytes(SHOP_NODE_ARGS) > youngBytes([]), 'the flag made no larger young generation');
  });
});
