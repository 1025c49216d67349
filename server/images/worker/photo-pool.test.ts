import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { PhotoPool } from './photo-pool';

const drawing = { kind: 'drawing' as const, svg: '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#2874f0"/></svg>' };

describe('PhotoPool', () => {
  it('answers the running and the queued jobs when it closes, so no caller waits forever', async () => {
    const pool = new PhotoPool({ size: 1, maxQueue: 4, logger: pino({ level: 'silent' }) });
    // The first job is handed to the (starting) worker at once; the second waits in the queue.
    const running = pool.run(drawing, 'background');
    const queued = pool.run(drawing, 'background');
    assert.equal(pool.load, 2);
    await pool.close();
    assert.deepEqual(await running, { ok: false, message: 'the server is stopping' });
    assert.deepEqual(await queued, { ok: false, message: 'the server is stopping' });
    await assert.rejects(pool.run(drawing, 'upload'), /closed/);
  });

  it('refuses a pool without workers', () => {
    assert.throws(() => new PhotoPool({ size: 0, maxQueue: 1, logger: pino({ level: 'silent' }) }), /positive whole number/);
  });
});
