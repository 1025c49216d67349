import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { ApiTimingRecorder, MAX_BUFFERED } from './api-timing';
import type { EventSink } from './buffered-events';

const deps = { now: () => 1_700_000_000_000, logger: pino({ level: 'silent' }) };

/** A sink whose writes finish only when the test says so. */
function slowSink() {
  const writes: unknown[][] = [];
  const waiting: Array<() => void> = [];
  const sink: EventSink = {
    bulk(_table, documents) {
      writes.push(documents);
      return new Promise((resolve) => waiting.push(() => resolve({ accepted: documents.length, rejected: [] })));
    },
  };
  const release = async () => {
    while (waiting.length > 0) {
      waiting.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { sink, writes, release };
}

describe('ApiTimingRecorder', () => {
  it('keeps records until a store is attached, then writes them', async () => {
    const recorder = new ApiTimingRecorder(deps);
    const { sink, writes, release } = slowSink();
    recorder.record({ eventType: 'API_CALL', route: '/api/cart' }, 1);
    assert.equal(writes.length, 0);
    recorder.attach(sink);
    const done = recorder.flush();
    await release();
    await done;
    assert.equal(writes.length, 1);
    assert.equal((writes[0]![0] as { data: { route: string } }).data.route, '/api/cart');
    await recorder.detach();
  });

  it('drops records past the bound while the store is slow, and writes how many it dropped', async () => {
    const recorder = new ApiTimingRecorder(deps);
    const { sink, writes, release } = slowSink();
    recorder.attach(sink);
    // The first full batch starts a write that does not finish; the rest fill the buffer.
    for (let i = 0; i < MAX_BUFFERED + 500 + 7; i++) recorder.record({ eventType: 'API_CALL', route: '/api/x' }, i);
    assert.equal(recorder.dropped, 7);
    const done = recorder.flush();
    await release();
    await done;
    const all = writes.flat() as Array<{ data: { eventType: string; count?: number } }>;
    assert.equal(all.filter((d) => d.data.eventType === 'API_CALL').length, MAX_BUFFERED + 500);
    assert.deepEqual(all.filter((d) => d.data.eventType === 'API_TIMINGS_DROPPED').map((d) => d.data.count), [7]);
    assert.equal(recorder.dropped, 0);
    await recorder.detach();
  });

  it('never throws into the request when the store fails', async () => {
    const recorder = new ApiTimingRecorder(deps);
    recorder.attach({ bulk: () => Promise.reject(new Error('disk full')) });
    recorder.record({ eventType: 'API_CALL', route: '/api/x' }, 1);
    await recorder.flush();
    await recorder.detach();
  });

  it('writes summaries of the busiest reads with the next batch, one document per route and status', async () => {
    let now = 1_700_000_000_000;
    const recorder = new ApiTimingRecorder({ ...deps, now: () => now });
    const { sink, writes, release } = slowSink();
    for (let i = 0; i < 300; i++) recorder.summarize('GET', '/api/catalog/products/:itemId', 200, 1 + (i % 3), now + i);
    recorder.summarize('GET', '/api/catalog/products/:itemId', 404, 5, now);
    // Nothing is taken before a store is attached: the summaries wait for it.
    await recorder.flush();
    assert.equal(writes.length, 0);
    recorder.attach(sink);
    let done = recorder.flush();
    await release();
    await done;
    const first = writes.flat() as Array<{ timestamp: number; data: { eventType: string; status: number; count: number; durationMs: number } }>;
    assert.deepEqual(
      first.map((d) => [d.data.eventType, d.data.status, d.data.count, d.data.durationMs, d.timestamp]),
      [
        ['API_CALLS', 200, 300, 2, now],
        ['API_CALLS', 404, 1, 5, now],
      ],
    );
    // The next write holds only what came after.
    now += 1000;
    recorder.summarize('GET', '/api/catalog/products/:itemId', 200, 9, now);
    done = recorder.flush();
    await release();
    await done;
    assert.deepEqual((writes.at(-1) as Array<{ data: { count: number; maxMs: number } }>).map((d) => [d.data.count, d.data.maxMs]), [[1, 9]]);
    await recorder.detach();
  });
});
