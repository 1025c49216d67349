/**
 * The flags every launch of the shop's server gives Node: `npm start`, the systemd unit, the
 * container image, Playwright's web server, the cluster tests' nodes, the e2e and benchmark
 * launchers. The files that cannot import this list (package.json, deploy/) are checked against
 * it by `node-args.test.ts`, so it stays the one place to change them.
 */

/**
 * Node flags of a shop server process.
 * `--max-semi-space-size=32` (MB): a larger young generation. Each request allocates short-lived
 * objects (parsed bodies, rows, the answer's JSON), and each scavenge is a pause every request in
 * flight waits for: twice the room took placing 6,400 orders from 37 scavenges to 20
 * (decisions/0032). V8 reads it when the heap is made, so it must be on the command line.
 */
export const SHOP_NODE_ARGS: readonly string[] = ['--max-semi-space-size=32'];

/** The node arguments that start the shop's entry `script` (a TypeScript file, run through tsx). */
export function shopNodeArgs(script: string): string[] {
  return [...SHOP_NODE_ARGS, '--import', 'tsx', script];
}
