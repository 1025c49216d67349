import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import pino from 'pino';
import { shutDownGracefully } from './graceful-shutdown';

describe('shutDownGracefully', () => {
  it('should stop accepting on SIGTERM, finish the request in flight, then close the app and exit 0', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') {
        arrived();
        void held.then(() => res.end('done'));
      } else res.end('quick');
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const steps: string[] = [];
    const exited = new Promise<number>((resolve) =>
      shutDownGracefully(server, { drain: () => void steps.push('drain'), close: async () => void steps.push('close') }, { graceMs: 10_000, logger: pino({ level: 'silent' }), exit: resolve }),
    );

    const slow = fetch(`http://127.0.0.1:${port}/slow`).then((res) => res.text());
    await inFlight;
    process.kill(process.pid, 'SIGTERM');
    // The signal arrives asynchronously.
    while (steps.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(steps, ['drain']);
    // No new connections once draining.
    await assert.rejects(fetch(`http://127.0.0.1:${port}/quick`, { headers: { connection: 'close' } }));
    release();
    assert.equal(await slow, 'done');
    assert.equal(await exited, 0);
    assert.deepEqual(steps, ['drain', 'close']);
  });
});
